/**
 * Tells open staff pages that something they show has changed, so they read it again at once
 * instead of at their next poll (a class's count on every scanner phone, the kiosks' calls for
 * help on every staff page). Only a nudge: the page then makes the same read it polls with
 * (GET /api/sessions/:id, GET /api/help), so what a page may see stays decided in one place.
 *
 * The check-in calls `sessionChanged` on its hot path: with nobody listening to that class it
 * is one lookup in a Map. Listeners are coalesced: a burst of scans (a queue of offline scans
 * sent at once) is one event per listener per COALESCE_MS, not one per scan.
 */

/** What changed: a class's count or state (open, closed), or the open calls for help. */
export type LiveChange = 'session' | 'help';

/** At most one event per listener this often. */
export const COALESCE_MS = 250;

interface Listener {
	send: (changes: LiveChange[]) => void;
	pending: Set<LiveChange>;
	timer: ReturnType<typeof setTimeout> | undefined;
	lastSent: number;
}

export class LiveNotifier {
	/** Every listener: every staff page shows the calls for help. */
	#all = new Set<Listener>();
	/** Listeners to one class, by its id. */
	#sessions = new Map<number, Set<Listener>>();

	constructor(
		private readonly coalesceMs = COALESCE_MS,
		private readonly now: () => number = Date.now
	) {}

	/** Listens to the calls for help, and to class `sessionId`'s changes when given. */
	subscribe(sessionId: number | null, send: (changes: LiveChange[]) => void): () => void {
		const listener: Listener = { send, pending: new Set(), timer: undefined, lastSent: 0 };
		this.#all.add(listener);
		if (sessionId !== null) {
			let set = this.#sessions.get(sessionId);
			if (!set) this.#sessions.set(sessionId, (set = new Set()));
			set.add(listener);
		}
		return () => {
			this.#all.delete(listener);
			clearTimeout(listener.timer);
			listener.timer = undefined;
			if (sessionId === null) return;
			const set = this.#sessions.get(sessionId);
			set?.delete(listener);
			if (set?.size === 0) this.#sessions.delete(sessionId);
		};
	}

	/** A check-in, an undo or a close: the class's count or state changed. */
	sessionChanged(sessionId: number): void {
		const set = this.#sessions.get(sessionId);
		if (set) for (const listener of set) this.#mark(listener, 'session');
	}

	/** A kiosk called, or a volunteer took a call. */
	helpChanged(): void {
		for (const listener of this.#all) this.#mark(listener, 'help');
	}

	/** How many listen: for the stream limits and the tests. */
	get size(): number {
		return this.#all.size;
	}

	#mark(listener: Listener, change: LiveChange): void {
		listener.pending.add(change);
		if (listener.timer !== undefined) return;
		// Never at once, even after a quiet spell: the scans of one batch, applied in the same
		// turn of the event loop, still go out as one event.
		const wait = Math.max(0, listener.lastSent + this.coalesceMs - this.now());
		listener.timer = setTimeout(() => this.#flush(listener), wait);
		// A pending event must not hold a stopping server open.
		listener.timer.unref?.();
	}

	#flush(listener: Listener): void {
		listener.timer = undefined;
		const changes = [...listener.pending];
		listener.pending.clear();
		listener.lastSent = this.now();
		listener.send(changes);
	}
}

/** The one notifier of this server process. */
export const liveNotifier = new LiveNotifier();
