/**
 * Anonymous usage counts for the heads' dashboards: a lesson started, finished, or left at a
 * step. No person is named. Sent as a beacon so a page being left still delivers it.
 */
export function sendLessonEvent(
	walkthroughId: string,
	kind: 'start' | 'complete' | 'leave',
	step: number | null
): void {
	const body = JSON.stringify({ walkthroughId, kind, step });
	try {
		if (navigator.sendBeacon?.('/api/kiosk/events', body)) return;
	} catch {
		// fall through to fetch
	}
	void fetch('/api/kiosk/events', { method: 'POST', body, keepalive: true }).catch(() => {});
}
