import type { Actor } from '../../domain/actor';
import { actorForToken } from '../auth/sessions';
import type { DataStore } from '../store/data-store';
import { liveNotifier, type LiveChange, type LiveNotifier } from './live';

/**
 * GET /api/live as Server-Sent Events: the staff pages' live channel (src/lib/components/
 * checkin/live-channel.ts). Each stream says `hello` when it opens, `change` (which of
 * "session", "help") when the notifier says so, and `ping` every HEARTBEAT_MS so that both
 * ends notice a connection that died without a word (a phone that left the Wi-Fi). Pages keep
 * polling whenever the stream is not healthy, so nothing here is needed for correctness.
 */

/** How often an idle stream says it is alive (the page gives up on it after ~40 s). */
export const HEARTBEAT_MS = 15_000;
/** How often the streams' sign-ins are checked: a sign-out ends its streams within this. */
export const CHECK_MS = 1_000;
/**
 * Streams one account may hold: a phone and a laptop, a few tabs, a class's phones sharing one
 * account. A page that opens more (a bug) is refused and polls; it cannot use the server up.
 */
export const MAX_STREAMS_PER_USER = 8;
/** Streams in all: far more staff than a ward has on duty at once. */
export const MAX_STREAMS = 400;
/**
 * Chunks a stream may hold that its reader has not taken: one that takes none of two minutes of
 * heartbeats is ended rather than left to fill memory. (A phone that vanished from the Wi-Fi
 * is noticed lower down: the heartbeats keep data in flight on its connection, so the kernel
 * gives up on it after its retransmissions, ~15 min on Linux, and the stream is cancelled.)
 */
const MAX_UNSENT = 8;

/** A stream's headers (and a HEAD's). */
export const LIVE_HEADERS: Record<string, string> = {
	'content-type': 'text/event-stream; charset=utf-8',
	'cache-control': 'no-store',
	// nginx and its kind hold a response back to send it whole: not this one.
	'x-accel-buffering': 'no'
};

export type StreamRefusal = { status: 429 | 503; reason: string; message: string };

interface Stream {
	userId: number;
	token: string | undefined;
	end: () => void;
	write: (text: string) => void;
}

const streams = new Set<Stream>();
let ticker: ReturnType<typeof setInterval> | undefined;
let ticks = 0;
let closing = false;
let shutdownHooked = false;
const encoder = new TextEncoder();

/**
 * Opens a stream for `actor` (signed in with `token`), listening to the calls for help and to
 * class `sessionId` when given; a refusal when there are too many or the server is stopping.
 */
export function openLiveStream(
	store: DataStore,
	actor: Actor,
	token: string | undefined,
	sessionId: number | null,
	notifier: LiveNotifier = liveNotifier
): Response | StreamRefusal {
	if (closing) {
		return { status: 503, reason: 'stopping', message: 'Máy chủ đang tắt. Trang tự cập nhật sau.' };
	}
	const mine = [...streams].filter((s) => s.userId === actor.id).length;
	if (mine >= MAX_STREAMS_PER_USER || streams.size >= MAX_STREAMS) {
		return {
			status: 429,
			reason: 'too_many_streams',
			message: 'Đang mở quá nhiều trang. Trang này vẫn tự cập nhật, chậm hơn một chút.'
		};
	}
	let stream: Stream | undefined;
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			let unsubscribe = () => {};
			const done = () => {
				if (!stream || !streams.has(stream)) return;
				streams.delete(stream);
				unsubscribe();
				if (streams.size === 0) stopTicker();
			};
			stream = {
				userId: actor.id,
				token,
				write(text) {
					if ((controller.desiredSize ?? 0) < 1 - MAX_UNSENT) return this.end();
					try {
						controller.enqueue(encoder.encode(text));
					} catch {
						// Closed under us: this runs in a timer, where a throw would stop the server.
						this.end();
					}
				},
				end() {
					done();
					try {
						controller.close();
					} catch {
						// Already closed or cancelled by the reader.
					}
				}
			};
			streams.add(stream);
			hookShutdown();
			startTicker(store);
			// A refused reconnect costs a request: a dropped stream comes back after 5 s.
			stream.write('retry: 5000\n\nevent: hello\ndata: {}\n\n');
			unsubscribe = notifier.subscribe(sessionId, (changes: LiveChange[]) =>
				stream?.write(`event: change\ndata: ${JSON.stringify(changes)}\n\n`)
			);
		},
		// The reader went away (the page closed, the connection broke).
		cancel() {
			stream?.end();
		}
	});
	return new Response(body, { headers: LIVE_HEADERS });
}

/** How many streams are open (for the tests). */
export const openStreams = () => streams.size;

/**
 * Ends every stream: the server is stopping. Without this each open stream held the graceful
 * stop (kiosk/server.js, adapter-node's own) until its deadline, and the final snapshot with it.
 */
export function endAllStreams(): void {
	closing = true;
	for (const stream of [...streams]) stream.end();
}

function startTicker(store: DataStore): void {
	if (ticker) return;
	ticks = 0;
	ticker = setInterval(() => tick(store), CHECK_MS);
	// The streams end themselves on shutdown; the ticker must not keep the process up either.
	ticker.unref?.();
}

function stopTicker(): void {
	clearInterval(ticker);
	ticker = undefined;
}

/** Ends the streams whose sign-in ended (signed out, expired, revoked); beats now and then. */
function tick(store: DataStore): void {
	ticks++;
	const beat = ticks % Math.round(HEARTBEAT_MS / CHECK_MS) === 0;
	for (const stream of [...streams]) {
		let signedIn = false;
		try {
			// Cached per token until a session or account changes: a Map lookup a stream.
			signedIn = actorForToken(store, stream.token)?.id === stream.userId;
		} catch {
			// The store is closing: the stream goes with it.
		}
		if (!signedIn) {
			stream.write('event: bye\ndata: {"reason":"signed_out"}\n\n');
			stream.end();
		} else if (beat) {
			stream.write('event: ping\ndata: {}\n\n');
		}
	}
}

/**
 * Ends the streams when a graceful stop begins (SIGTERM/SIGINT): `server.close()` waits for
 * every connection, and a stream never ends by itself. Joined only when a server entry
 * already stops gracefully on the signal (kiosk/server.js, adapter-node): a listener of ours
 * alone would keep a process that has none (the dev server) from stopping at all.
 */
function hookShutdown(): void {
	if (shutdownHooked) return;
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		if (process.listenerCount(signal) > 0) {
			shutdownHooked = true;
			process.once(signal, endAllStreams);
		}
	}
}
