import type { HelpRequest } from '$lib/domain/checkin-people';
import { timedFetch } from './timed-fetch';

/** A kiosk's call should reach a volunteer within seconds; the kiosk asks back as often. */
export const HELP_REFRESH_MS = 10_000;

/** Calls hidden with "Ẩn", kept for this tab: a reload or another page must not bring them back. */
const HIDDEN_KEY = 'ths-help-hidden';

/** A short buzz, where the phone has one: the volunteer may be looking at someone's form. */
const BUZZ_MS = [200, 100, 200];

/**
 * The kiosks' calls for help as every staff page shows them (the staff bar's banner): the one
 * place that reads them, by a plain JSON read (GET /api/help). Not `invalidateAll`: that
 * re-ran the page's load, which wrote over a half-filled form, and when the server was
 * unreachable it turned into a full navigation to the browser's error page. A failed read
 * keeps the last list.
 */
export class HelpCalls {
	calls = $state<HelpRequest[]>([]);
	hidden = $state<number[]>([]);
	/** Calls this page has already heard of: only a call new to it buzzes. */
	#known: number[] = [];

	constructor(initial: HelpRequest[]) {
		this.calls = initial;
		this.#known = initial.map((call) => call.id);
	}

	/** The calls to show: open ones not hidden with "Ẩn". */
	get shown(): HelpRequest[] {
		return this.calls.filter((call) => !this.hidden.includes(call.id));
	}

	start(): () => void {
		this.hidden = readHidden();
		const refresh = () => void this.refresh();
		const visible = () => document.visibilityState === 'visible' && refresh();
		refresh();
		const timer = setInterval(refresh, HELP_REFRESH_MS);
		window.addEventListener('online', refresh);
		document.addEventListener('visibilitychange', visible);
		return () => {
			clearInterval(timer);
			window.removeEventListener('online', refresh);
			document.removeEventListener('visibilitychange', visible);
		};
	}

	async refresh(): Promise<void> {
		try {
			const response = await timedFetch('/api/help');
			// Signed out or the server away: the page says so elsewhere; keep what we have.
			if (!response.ok) return;
			const { help } = (await response.json()) as { help: HelpRequest[] };
			this.calls = help;
			const fresh = help.filter((call) => !this.#known.includes(call.id));
			// Only the open ones are remembered: the list stays as short as the calls.
			this.#known = help.map((call) => call.id);
			if (fresh.some((call) => !this.hidden.includes(call.id))) navigator.vibrate?.(BUZZ_MS);
		} catch {
			// No answer within timedFetch's limit: the next round asks again.
		}
	}

	/** "Ẩn": this call goes out of the way for good; a new call shows (and buzzes) again. */
	hide(id: number): void {
		this.hidden = [...this.hidden.filter((h) => this.calls.some((c) => c.id === h)), id];
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

function readHidden(): number[] {
	try {
		const list: unknown = JSON.parse(sessionStorage.getItem(HIDDEN_KEY) ?? '[]');
		return Array.isArray(list) ? list.filter((id): id is number => Number.isInteger(id)) : [];
	} catch {
		return [];
	}
}
