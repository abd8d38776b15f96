/**
 * The page's one live channel to the server (GET /api/live, Server-Sent Events): it says when
 * a class's count or the calls for help changed, and the listener then makes the same read it
 * polls with. One EventSource per page, whoever listens (the scanner and the staff bar's
 * banner): each holds one of the browser's six connections to the server for as long as it is
 * open, so a page holds it only while it is in view.
 *
 * Polling stays the way the data comes when the channel is not healthy (no EventSource, a
 * proxy that buffers the stream, a refusal, the server gone, the page hidden): the pollers ask
 * `healthy` before skipping a round, and that takes a message heard in the last LIVE_STALE_MS.
 */

/** The server says something at least every 15 s (HEARTBEAT_MS): silent longer, it is gone. */
export const LIVE_STALE_MS = 40_000;
/** While the channel is healthy, the pollers still read this often: for what no event says. */
export const LIVE_POLL_MS = 60_000;
/** A stream refused (signed out, too many open) or failed for good is tried again this late. */
const RETRY_MS = 30_000;

export interface LiveListener {
	/** The class this page scans into: its changes are sent too. */
	session?: number;
	/** Something this listener shows may have changed: read it again. */
	onchange: (changes: Array<'session' | 'help'>) => void;
	/** The server was heard from (any message): what was read is still current. */
	onalive?: () => void;
}

export class LiveChannel {
	#listeners = new Set<LiveListener>();
	#source: EventSource | undefined;
	#url = '';
	/** Heard since the stream (re)opened, and when last. */
	#up = false;
	#heardAt = 0;
	#openedAt = 0;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#watchdog: ReturnType<typeof setInterval> | undefined;
	#scheduled = false;
	#onvisibility = () => this.#schedule();

	/** Listens until the returned function is called. */
	listen(listener: LiveListener): () => void {
		if (this.#listeners.size === 0) {
			document.addEventListener('visibilitychange', this.#onvisibility);
		}
		this.#listeners.add(listener);
		this.#schedule();
		return () => {
			this.#listeners.delete(listener);
			if (this.#listeners.size === 0) {
				document.removeEventListener('visibilitychange', this.#onvisibility);
			}
			this.#schedule();
		};
	}

	/** Whether a change would reach this page now: the pollers may skip a round. */
	get healthy(): boolean {
		return this.#up && Date.now() - this.#heardAt < LIVE_STALE_MS;
	}

	/** The listeners of one page mount together: one stream for all of them, opened once. */
	#schedule(): void {
		if (this.#scheduled) return;
		this.#scheduled = true;
		queueMicrotask(() => {
			this.#scheduled = false;
			this.#connect();
		});
	}

	#wantedUrl(): string {
		if (this.#listeners.size === 0 || typeof EventSource === 'undefined') return '';
		if (document.visibilityState === 'hidden') return '';
		const session = [...this.#listeners].find((l) => l.session !== undefined)?.session;
		return session === undefined ? '/api/live' : `/api/live?session=${session}`;
	}

	#connect(): void {
		const url = this.#wantedUrl();
		const open = this.#source && this.#source.readyState !== EventSource.CLOSED;
		// The same stream is open, or waiting to be tried again: nothing to do.
		if (url === this.#url && (open || this.#retry !== undefined)) return;
		this.#close();
		this.#url = url;
		if (!url) return;
		const source = new EventSource(url);
		this.#source = source;
		this.#openedAt = Date.now();
		const heard = (event: MessageEvent) => {
			if (this.#source !== source) return;
			const first = !this.#up;
			this.#up = true;
			this.#heardAt = Date.now();
			for (const l of this.#listeners) l.onalive?.();
			// (Re)connected: anything may have changed while no stream was there to say so.
			if (first) this.#notify(['session', 'help']);
			else if (event.type === 'change') this.#notify(parseChanges(event.data));
		};
		for (const type of ['hello', 'ping', 'change']) source.addEventListener(type, heard);
		// Signed out (or the server stopping) said so: no reconnect at once.
		source.addEventListener('bye', () => this.#lost(true));
		source.onerror = () => this.#lost(source.readyState === EventSource.CLOSED);
		this.#watchdog = setInterval(() => {
			// Open to the browser, silent to us: a connection that died without a word, or a
			// proxy holding the stream back. Its connection is let go and tried again later.
			const since = this.#up ? this.#heardAt : this.#openedAt;
			if (Date.now() - since >= LIVE_STALE_MS) this.#lost(true);
		}, LIVE_STALE_MS / 4);
	}

	/** The stream stopped: pollers take over, and read once now (as a round would). */
	#lost(closed: boolean): void {
		const was = this.#up;
		this.#up = false;
		if (closed) {
			this.#close();
			this.#retry = setTimeout(() => {
				this.#retry = undefined;
				this.#connect();
			}, RETRY_MS);
		}
		if (was) this.#notify(['session', 'help']);
	}

	#notify(changes: Array<'session' | 'help'>): void {
		for (const l of [...this.#listeners]) l.onchange(changes);
	}

	#close(): void {
		this.#source?.close();
		this.#source = undefined;
		this.#up = false;
		clearTimeout(this.#retry);
		this.#retry = undefined;
		clearInterval(this.#watchdog);
		this.#watchdog = undefined;
	}
}

/**
 * `read` for the channel's events, one at a time: a change that comes while a read is on its
 * way is read once more after it, never in parallel (a busy class sends up to four events a
 * second; a slow server must not get four reads a second from each phone on top).
 */
export function oneAtATime(read: () => Promise<unknown>): () => void {
	let reading = false;
	let again = false;
	const run = async () => {
		reading = true;
		do {
			again = false;
			await read().catch(() => undefined);
		} while (again);
		reading = false;
	};
	return () => {
		if (reading) again = true;
		else void run();
	};
}

export interface FreshRead {
	/** The read that shows this kind of data (it keeps its own failures to itself). */
	read: () => Promise<unknown>;
	/** The changes the channel sends that concern it. */
	change: 'session' | 'help';
	/** How often it polls while the channel is not healthy. */
	everyMs: number;
	/** The class this page scans into (see LiveListener.session). */
	session?: number;
	/** A round reads even with a healthy channel (say, the page thinks it is offline). */
	mustRead?: () => boolean;
	/** See LiveListener.onalive. */
	onalive?: () => void;
}

/**
 * Keeps what `read` shows fresh, the one way every live part of a page does it: a read now;
 * a read on each change the channel sends, one at a time (oneAtATime); and a poll every
 * `everyMs` while the channel is not healthy, or LIVE_POLL_MS after the last read while it
 * is (for what no event says). `now` reads at once (the network is back, the page in view);
 * any read counts as the last. `stop` ends it all.
 */
export function keepFresh(
	opts: FreshRead,
	channel: LiveChannel = liveChannel
): { now: () => void; stop: () => void } {
	let askedAt = 0;
	const read = () => {
		askedAt = Date.now();
		return opts.read();
	};
	const now = () => void read().catch(() => undefined);
	now();
	const timer = setInterval(() => {
		if (opts.mustRead?.() || !channel.healthy || Date.now() - askedAt >= LIVE_POLL_MS) now();
	}, opts.everyMs);
	const changed = oneAtATime(read);
	const stopListening = channel.listen({
		session: opts.session,
		onchange: (changes) => {
			if (changes.includes(opts.change)) changed();
		},
		onalive: opts.onalive
	});
	return {
		now,
		stop: () => {
			stopListening();
			clearInterval(timer);
		}
	};
}

function parseChanges(data: string): Array<'session' | 'help'> {
	try {
		const list: unknown = JSON.parse(data);
		if (Array.isArray(list)) return list.filter((c) => c === 'session' || c === 'help');
	} catch {
		// Not ours: read everything.
	}
	return ['session', 'help'];
}

/** The page's channel (the browser's; never used while rendering on the server). */
export const liveChannel = new LiveChannel();
