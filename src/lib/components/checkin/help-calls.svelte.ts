import { HELP_REPEAT_MS, type HelpRequest } from '$lib/domain/checkin-people';
import { keepFresh } from './live-channel';
import { timedFetch } from './timed-fetch';

/**
 * A kiosk's call should reach a volunteer within seconds; the kiosk asks back as often. While
 * the live channel is healthy a call comes within a second, and this round is skipped.
 */
export const HELP_REFRESH_MS = 10_000;

/**
 * Calls hidden with "Ẩn", and until when, kept for this tab: a reload or another page must not
 * bring them back sooner. Not for good: hidden by every volunteer on duty, a call the resident
 * made again (the kiosk counts it as the same call) reached nobody.
 */
const HIDDEN_KEY = 'ths-help-hidden';

interface Hidden {
	id: number;
	until: number;
}

/** A short buzz, where the phone has one: the volunteer may be looking at someone's form. */
const BUZZ_MS = [200, 100, 200];

/**
 * The kiosks' calls for help as every staff page shows them (the staff bar's banner): the one
 * place that reads them, by a plain JSON read (GET /api/help). Not `invalidateAll`: that
 * re-ran the page's load, which wrote over a half-filled form, and when the server was
 * unreachable it turned into a full navigation to the browser's error page. A read that failed
 * (the server away) keeps the last list; one refused because the sign-in ended says so.
 */
export class HelpCalls {
	calls = $state<HelpRequest[]>([]);
	hidden = $state<Hidden[]>([]);
	/**
	 * The server refused the last read (401): this person's sign-in ended (its 12 hours were up,
	 * or they signed out on another device), so no call reaches this page until they sign in
	 * again. Before, the page kept its last list, still showed their name, and stayed silent.
	 */
	signedOut = $state(false);
	/** The time of the last look: a hidden call is back once its time is up; "today" is its day. */
	now = $state(Date.now());
	/** Calls this page has already heard of: only a call new to it buzzes. */
	#known: number[] = [];

	constructor(initial: HelpRequest[]) {
		this.calls = initial;
		this.#known = initial.map((call) => call.id);
	}

	/** The calls to show: open ones not hidden with "Ẩn" (in the last two minutes). */
	get shown(): HelpRequest[] {
		return this.calls.filter(
			(call) => !this.hidden.some((h) => h.id === call.id && h.until > this.now)
		);
	}

	start(): () => void {
		this.hidden = readHidden();
		const fresh = keepFresh({
			read: () => this.refresh(),
			change: 'help',
			everyMs: HELP_REFRESH_MS
		});
		const visible = () => document.visibilityState === 'visible' && fresh.now();
		window.addEventListener('online', fresh.now);
		document.addEventListener('visibilitychange', visible);
		return () => {
			fresh.stop();
			window.removeEventListener('online', fresh.now);
			document.removeEventListener('visibilitychange', visible);
		};
	}

	async refresh(): Promise<void> {
		try {
			const response = await timedFetch('/api/help');
			if (response.status === 401) {
				// Calls shown now could not be answered from here, and new ones would not come.
				this.signedOut = true;
				this.calls = [];
				return;
			}
			// The server away or in trouble: the page says so elsewhere; keep what we have.
			if (!response.ok) return;
			const { help } = (await response.json()) as { help: HelpRequest[] };
			this.signedOut = false;
			const seen = this.shown.map((call) => call.id);
			this.now = Date.now();
			this.calls = help;
			// A call new to this page, or back from "Ẩn", buzzes; one on screen already does not.
			const fresh = this.shown.filter(
				(call) => !this.#known.includes(call.id) || !seen.includes(call.id)
			);
			// Only the open ones are remembered: the list stays as short as the calls.
			this.#known = help.map((call) => call.id);
			if (fresh.length > 0) navigator.vibrate?.(BUZZ_MS);
		} catch {
			// No answer within timedFetch's limit: the next round asks again.
		}
	}

	/** "Ẩn": this call goes out of the way for two minutes; a new call shows (and buzzes) at once. */
	hide(id: number): void {
		this.now = Date.now();
		const kept = this.hidden.filter(
			(h) => h.until > this.now && this.calls.some((c) => c.id === h.id)
		);
		this.hidden = [...kept, { id, until: this.now + HELP_REPEAT_MS }];
		try {
			sessionStorage.setItem(HIDDEN_KEY, JSON.stringify(this.hidden));
		} catch {
			// Private mode without storage: hidden until this page is left, which is enough.
		}
	}

	/** Answered here: off the list at once, before the next read confirms it. */
	taken(id: number): void {
		this.calls = this.calls.filter((call) => call.id !== id);
	}
}

function readHidden(): Hidden[] {
	try {
		const list: unknown = JSON.parse(sessionStorage.getItem(HIDDEN_KEY) ?? '[]');
		return Array.isArray(list)
			? list.filter(
					(h): h is Hidden =>
						typeof h === 'object' && Number.isInteger(h?.id) && Number.isFinite(h?.until)
				)
			: [];
	} catch {
		return [];
	}
}
