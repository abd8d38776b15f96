import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('rate limits', () => {
	it('let a burst through, then refill at the set pace, per key', () => {
		const limiter = new RateLimiter({ capacity: 3, perSecond: 0.5 });
		const at = (ms: number, key = 'a') => limiter.take(key, ms);
		expect([at(0), at(0), at(0)].every((r) => r.ok)).toBe(true);
		expect(at(0)).toEqual({ ok: false, retryAfterSeconds: 2 });
		// Another device is not held back by the first.
		expect(at(0, 'b').ok).toBe(true);
		expect(at(1000).ok).toBe(false);
		expect(at(2000).ok).toBe(true);
		expect(at(2000).ok).toBe(false);
		// A long pause refills to the burst size, never beyond.
		expect([at(60_000), at(60_000), at(60_000), at(60_000)].map((r) => r.ok)).toEqual([
			true,
			true,
			true,
			false
		]);
	});
});
