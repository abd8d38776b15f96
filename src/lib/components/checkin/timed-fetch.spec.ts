import { afterEach, describe, expect, it, vi } from 'vitest';
import { serverNow, timedFetch } from './timed-fetch';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

/** A server whose answers carry this Date header. */
const answering = (date: string) =>
	vi.stubGlobal('fetch', async () => new Response('{}', { headers: { date } }));

describe("the server's time as the phone reckons it", () => {
	it('follows the Date of its answers, and never goes back when an answer was slow to come', async () => {
		vi.useFakeTimers({ now: Date.parse('2026-12-03T09:00:12.950Z'), toFake: ['Date'] });
		answering('Thu, 03 Dec 2026 09:00:12 GMT');
		await timedFetch('/api/checkins');
		expect(serverNow()).toBe(Date.parse('2026-12-03T09:00:12.500Z'));
		vi.setSystemTime(Date.parse('2026-12-03T09:00:13.200Z'));
		const before = serverNow();
		// Stamped at 12.999 on the server, 300 ms on its way: it alone would say 12.5 now.
		vi.setSystemTime(Date.parse('2026-12-03T09:00:13.300Z'));
		await timedFetch('/api/checkins');
		expect(serverNow()).toBeGreaterThanOrEqual(before);
		// A server minutes ahead of the phone (a kiosk that never sees the internet).
		vi.setSystemTime(Date.parse('2026-12-03T09:00:13.000Z'));
		answering('Thu, 03 Dec 2026 09:05:13 GMT');
		await timedFetch('/api/checkins');
		expect(serverNow()).toBe(Date.parse('2026-12-03T09:05:13.500Z'));
	});
});
