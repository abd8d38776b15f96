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
		return await fetch(url, { ...init, signal: controller.signal });
	} finally {
		clearTimeout(timer);
	}
}

/**
 * The server is there but did not answer in time (timedFetch gave up), as against no network
 * at all: the volunteer should not go looking for the Wi-Fi.
 */
export function timedOut(error: unknown): boolean {
	return error instanceof DOMException && error.name === 'AbortError';
}
