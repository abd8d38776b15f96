import { queued, scanBody, settle, type QueuedScan } from './offline-queue';
import { refusedScan, type RefusedScan } from './refused-summary';
import { timedFetch, timedOut } from './timed-fetch';

export type Sent =
	| { delivered: true; status: number; body: Record<string, unknown> }
	| { delivered: false; auth?: boolean; slow?: boolean; server?: boolean };

/**
 * One scan to the server: answered (any 2xx–4xx), or not (no answer in 3 s: `slow`; no
 * network; 5xx, e.g. its disk is full: `server`; signed out: `auth`).
 */
export async function postScan(scan: QueuedScan): Promise<Sent> {
	try {
		const response = await timedFetch('/api/checkins', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: scanBody(scan)
		});
		if (response.status === 401 || response.status === 403) return { delivered: false, auth: true };
		if (response.status >= 500) return { delivered: false, server: true };
		return { delivered: true, status: response.status, body: await response.json() };
	} catch (error) {
		return { delivered: false, slow: timedOut(error) };
	}
}

export interface QueueRun {
	/** Scans still on the phone after this run, oldest first. */
	left: QueuedScan[];
	/** The server answered "sign in" to the scan it stopped at. */
	needsSignIn: boolean;
}

/**
 * Sends the phone's queued scans, oldest first, and stops at the first that still cannot get
 * through. Each answered scan leaves the queue (a refused one is kept to be read). The
 * scanner runs this, and every other staff page too (phone-queue.svelte.ts), so a phone whose
 * volunteer left the scanner still delivers what it holds.
 */
export async function sendQueued(
	hooks: {
		send?: (scan: QueuedScan) => Promise<Sent>;
		/** An answered scan, after it left the queue. */
		answered?: (scan: QueuedScan, body: Record<string, unknown>, refused?: RefusedScan) => void;
	} = {}
): Promise<QueueRun> {
	const send = hooks.send ?? postScan;
	let needsSignIn = false;
	for (const scan of await queued()) {
		const sent = await send(scan);
		if (!sent.delivered) {
			needsSignIn = sent.auth === true;
			break;
		}
		const refused = sent.status >= 400 ? refusedScan(sent.body, scan) : undefined;
		await settle(scan.nonce, refused);
		hooks.answered?.(scan, sent.body, refused);
	}
	return { left: await queued(), needsSignIn };
}
