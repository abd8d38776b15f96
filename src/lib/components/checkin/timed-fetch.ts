/** The server must answer within this, or the phone stops waiting (issue 4: scans are then queued). */
export const ANSWER_TIMEOUT_MS = 3000;

/** `fetch` that gives up after `ms`: a request to a vanished server can hang for minutes. */
export async function timedFetch(
	url: string,
	init: RequestInit = {},
	ms = ANSWER_TIMEOUT_MS
): Promise<Response> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), ms);
	try {
		const response = await fetch(url, { ...init, signal: controller.signal });
		heardServerClock(response.headers.get('date'));
		return response;
	} finally {
		clearTimeout(timer);
	}
}

/** How far the server's clock is ahead of this phone's, as its last answer's Date said. */
let serverAhead = 0;

function heardServerClock(date: string | null): void {
	const at = Date.parse(date ?? '');
	// The header counts whole seconds: the middle of that second is the best guess.
	if (Number.isFinite(at)) serverAhead = at + 500 - Date.now();
}

/**
 * Now on the server's clock, as far as this phone can tell. What the scanner remembers is
 * timed by it, to compare with the time the server rendered a page: a phone's clock may be
 * minutes off a kiosk's that never sees the internet.
 */
export function serverNow(): number {
	// Later than any time it gave before, and than any the server is known to have passed.
	// Each answer's Date header moves the estimate: it counts whole seconds, and an answer
	// stamped 12.999 that took 300 ms on its way says 12.5 at 13.3, where the last estimate
	// said 12.8. What the scanner keeps is ordered by these times (the newest count heard
	// wins), so two of them are never equal and never run backwards.
	lastGiven = Math.max(lastGiven + 1, Date.now() + serverAhead);
	return lastGiven;
}
let lastGiven = 0;

/**
 * A time the server has certainly passed (it drew the page then, to the ms): serverNow gives
 * later ones. The estimate from Date headers may lag the server by half a second, and a count
 * heard just after the page was drawn was taken for one older than the page.
 */
export function serverPassed(at: number): void {
	lastGiven = Math.max(lastGiven, at);
}

/**
 * The server is there but did not answer in time (timedFetch gave up), as against no network
 * at all: the volunteer should not go looking for the Wi-Fi.
 */
export function timedOut(error: unknown): boolean {
	return error instanceof DOMException && error.name === 'AbortError';
}
