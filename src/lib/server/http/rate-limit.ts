/**
 * A token bucket per key (an address, a device's session): `capacity` requests at once, then
 * `perSecond` more each second. In memory: limits reset on restart, which is fine for slowing
 * guessing and runaway clients on one terminal.
 */
export interface RateLimitRule {
	capacity: number;
	perSecond: number;
}

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Beyond this many keys the idlest are forgotten, so a flood of addresses cannot fill memory. */
const MAX_KEYS = 10_000;

export class RateLimiter {
	private buckets = new Map<string, { tokens: number; at: number }>();

	constructor(readonly rule: RateLimitRule) {}

	take(key: string, now = Date.now()): Take {
		const { capacity, perSecond } = this.rule;
		const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
		bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
		bucket.at = now;
		// Re-inserting keeps the Map in least-recently-used order for eviction.
		this.buckets.delete(key);
		this.buckets.set(key, bucket);
		if (this.buckets.size > MAX_KEYS) {
			this.buckets.delete(this.buckets.keys().next().value as string);
		}
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return { ok: true };
		}
		return { ok: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / perSecond) };
	}
}
