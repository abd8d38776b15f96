import { getContext, setContext } from 'svelte';
import { Narrator, type Utterance, type VoiceSource } from '$lib/voice/narrator';
import { sendLessonEvent } from './lesson-events';
import { settleSaved } from './lesson-resume';
import { readVisit, type SavedVisit } from './visit-resume';

/** Text sizes offered by A−/A+, in CSS px for the root (everything on the kiosk is in rem). */
export const TEXT_SIZES = [24, 28, 32] as const;

export type HelpState = 'idle' | 'sending' | 'coming' | 'failed';

/** A call on its way to the volunteers' phones. */
export interface HelpCall {
	/** The server's number for it: to ask whether it was taken, or to withdraw it. */
	id: number;
	/** When it was made. */
	at: number;
	/** When a volunteer took it ("Tôi đến ngay"), or null while nobody has. */
	takenAt: number | null;
}

/**
 * How long a call nobody has taken stays the one on its way. A tap on "Gọi tình nguyện viên"
 * before then shows the call already made instead of making another: volunteers see a call
 * within seconds and it stays there until one takes it (or HELP_OPEN_MS), so a second call
 * would only buzz their phones again. After this long without anyone taking it the first was
 * likely missed, and a new call is right: it replaces the first on their phones (one line per
 * kiosk). A call a volunteer took is another matter (helpPending).
 */
export const HELP_RECALL_MS = 10 * 60_000;

/** How often a kiosk with a call on its way asks whether a volunteer has taken it. */
export const HELP_POLL_MS = 10_000;

/** Untouched this long, the idle guard asks "Bác còn ở đây không?" (why: IdleGuard). */
export const IDLE_MS = 5 * 60_000;
/** The same while a volunteer is on the way: the learner is waiting, not gone. */
export const WAITING_FOR_HELP_MS = 20 * 60_000;
/** Unanswered, the question counts down this long, then the visit is cleared. */
export const COUNTDOWN_S = 60;
/** How finely the last touch is kept for a reload: rewritten at most this often. */
const TOUCH_GRAIN_MS = 30_000;

/**
 * What one person's visit changes on the kiosk: text size, slow speech, a help call, the
 * lesson in progress. A reload keeps all of it (`resume`, `kept`; the lesson in lesson-resume);
 * `reset()` puts all of it back so the next person starts clean.
 */
export class KioskSession {
	size = $state(0);
	slow = $state(false);
	help = $state<HelpState>('idle');
	/**
	 * The last call the server took (callSent). It is the call on its way only while `help` is
	 * 'coming': a new call being sent, or one that failed, leaves it until the next is taken.
	 */
	call = $state.raw<HelpCall | null>(null);
	/** The notice under the bar is showing. Closing it hides it; the call stays on its way. */
	helpShown = $state(false);
	/** The last touch (to TOUCH_GRAIN_MS), kept for a reload; a page load counts as one. */
	touchedAt = $state(Date.now());
	/** The last text the narrator was asked to say (shown as `data-narrating` for tests). */
	saying = $state('');
	/**
	 * Which person's visit this is: `reset()` counts on. A call sent before a reset and
	 * answered after it is the last person's (KioskBar withdraws it).
	 */
	visit = 0;
	readonly narrator: Narrator;
	private leaving: Array<() => void> = [];
	/** Only the latest request to speak is kept; a reset drops any still waiting. */
	private sayTurn = 0;

	/**
	 * @param send how the session speaks to the server (`fetch`; a test's stand-in): only to
	 *   withdraw a call whose resident has gone.
	 */
	constructor(
		sources: VoiceSource[],
		private readonly send: typeof fetch = (input, init) => fetch(input, init)
	) {
		const hook = typeof window === 'undefined' ? undefined : (window.__narrator ??= { spoken: [] });
		this.narrator = new Narrator(sources, hook?.spoken);
		// A new page load: a lesson left by a page unload (not a reload of it) is counted left.
		if (typeof window !== 'undefined') {
			settleSaved(location.pathname, (id, step) => sendLessonEvent(id, 'leave', step));
		}
	}

	get fontPx(): number {
		return TEXT_SIZES[this.size];
	}

	get pristine(): boolean {
		return this.size === 0 && !this.slow && this.help === 'idle';
	}

	/** How long the kiosk may stay untouched before the idle guard asks. */
	idleLimit(waiting = this.help === 'sending' || this.help === 'coming'): number {
		return waiting ? WAITING_FOR_HELP_MS : IDLE_MS;
	}

	/**
	 * How long after its last touch a visit can still be going on: the idle limit, the
	 * countdown, and the touch's grain. A reload later than that missed the idle reset (a tab
	 * left crashed), so what it kept is the last person's (resume; the lesson page's place).
	 */
	lapse(waiting: boolean): number {
		return this.idleLimit(waiting) + COUNTDOWN_S * 1000 + TOUCH_GRAIN_MS;
	}

	/** When a kept visit would have ended untouched (its lapse after its last touch). */
	endsAt(visit: SavedVisit): number {
		return visit.touchedAt + this.lapse(visit.call !== null);
	}

	touched(now = Date.now()): void {
		if (now - this.touchedAt >= TOUCH_GRAIN_MS) this.touchedAt = now;
	}

	/**
	 * What a reload must find again, or null when there is nothing to keep. A call being sent
	 * or one that failed is not kept: the first's answer is lost with the page, the second is
	 * over; the server knows only calls on their way.
	 */
	get kept(): SavedVisit | null {
		const call = this.help === 'coming' ? this.call : null;
		if (this.size === 0 && !this.slow && !call) return null;
		return {
			size: this.size,
			slow: this.slow,
			touchedAt: this.touchedAt,
			call: call ? { ...call, shown: this.helpShown } : null
		};
	}

	/** Takes up what this tab kept (a reload). Once the page is live: the server drew none of it. */
	resume(now = Date.now()): void {
		const visit = readVisit(TEXT_SIZES.length);
		// Untouched for longer than the idle guard allows, the page missed its reset (a tab left
		// crashed, reloaded much later): that person has gone, and the next one starts clean.
		// Clean means the normal size too: the server may have drawn the page at the size its
		// cookie said ((kiosk)/+layout.svelte), and what this tab kept is what counts.
		if (!visit || now > this.endsAt(visit)) {
			this.size = 0;
			// Its call too, if nobody took it: no volunteer should walk to an empty kiosk.
			if (visit?.call && visit.call.takenAt === null) this.withdrawHelp(visit.call.id);
			return;
		}
		this.size = visit.size;
		this.slow = visit.slow;
		if (visit.call) {
			// Asked after again from here on (KioskBar), as before the reload.
			const { id, at, takenAt, shown } = visit.call;
			this.help = 'coming';
			this.call = { id, at, takenAt };
			this.helpShown = shown;
		}
	}

	say(u: Utterance): void {
		this.saying = u.text;
		// Paint first, then speak: starting audio inside the tap's task would delay the new
		// step on screen, and the learner looks before they listen. The speed is read then too:
		// a reloaded lesson asks for its step before the layout takes up the kept "Nói chậm"
		// (resume), and must still be said slowly.
		const turn = ++this.sayTurn;
		requestAnimationFrame(() =>
			setTimeout(() => {
				if (turn !== this.sayTurn) return;
				this.narrator.slow = this.slow;
				void this.narrator.speak(u);
			})
		);
	}

	bigger(): void {
		this.size = Math.min(this.size + 1, TEXT_SIZES.length - 1);
	}

	smaller(): void {
		this.size = Math.max(this.size - 1, 0);
	}

	/**
	 * A call a tap on "Gọi tình nguyện viên" shows again rather than makes again: one being sent;
	 * one nobody has taken yet, for HELP_RECALL_MS; one a volunteer took, only while the notice
	 * saying so is still up (and not for longer than HELP_RECALL_MS). Once that notice is closed
	 * the volunteer has come, or is in sight: a tap then is a new need, the same resident's later
	 * or the next one's, and a new call. Before, a taken call swallowed every tap for ten
	 * minutes, telling the resident "đang tới" while no volunteer was told anything.
	 */
	helpPending(now = Date.now()): boolean {
		if (this.help === 'sending') return true;
		const call = this.help === 'coming' ? this.call : null;
		if (!call) return false;
		if (call.takenAt === null) return now - call.at < HELP_RECALL_MS;
		return this.helpShown && now - call.takenAt < HELP_RECALL_MS;
	}

	/** The server has the call (its number and time): it is on its way, nobody has taken it. */
	callSent(id: number, at: number): void {
		this.help = 'coming';
		this.call = { id, at, takenAt: null };
	}

	/**
	 * Tells the server that call `id` is no longer wanted (its resident has gone): volunteers
	 * stop seeing it. Nothing waits on the answer; a withdrawal lost on the way leaves the call
	 * until it is too old to be listed (HELP_OPEN_MS).
	 */
	withdrawHelp(id: number): void {
		this.send(`/api/kiosk/help/${id}`, { method: 'DELETE', keepalive: true }).catch(() => {
			// The server is away: the call drops off the volunteers' pages by its age.
		});
	}

	/**
	 * The server's answer about call `id`: a volunteer took it at `answeredAt`. True when that
	 * is news for the call still on its way here (a reset or a newer call since: not ours).
	 */
	learnTaken(id: number, answeredAt: number | null): boolean {
		const call = this.call;
		if (answeredAt === null || this.help !== 'coming' || call?.id !== id) return false;
		if (call.takenAt !== null) return false;
		this.call = { ...call, takenAt: answeredAt };
		return true;
	}

	/** "Đóng" on the notice: out of sight only. A failed call is over, so the next tap retries. */
	closeHelp(): void {
		this.helpShown = false;
		if (this.help === 'failed') this.help = 'idle';
	}

	/** A lesson registers what to do when its learner goes (record where they left). */
	onLeave(fn: () => void): () => void {
		this.leaving.push(fn);
		return () => {
			this.leaving = this.leaving.filter((f) => f !== fn);
		};
	}

	/**
	 * Clears every trace of the last person, and withdraws their call if nobody took it: they
	 * have gone, and it stayed on every volunteer's phone before (one that was taken stays
	 * taken: the volunteer may be at the door already).
	 */
	reset(): void {
		const leaving = this.leaving;
		this.leaving = [];
		for (const fn of leaving) fn();
		if (this.help === 'coming' && this.call && this.call.takenAt === null) {
			this.withdrawHelp(this.call.id);
		}
		this.visit++;
		this.sayTurn++;
		this.narrator.stop();
		this.size = 0;
		this.slow = false;
		this.help = 'idle';
		this.call = null;
		this.helpShown = false;
		this.saying = '';
		this.touchedAt = Date.now();
		try {
			sessionStorage.clear();
			localStorage.clear();
		} catch {
			// storage may be disabled; nothing of ours is in it then
		}
	}
}

const KEY = Symbol('kiosk-session');

export function provideKiosk(session: KioskSession): KioskSession {
	return setContext(KEY, session);
}

export function useKiosk(): KioskSession {
	return getContext<KioskSession>(KEY);
}
