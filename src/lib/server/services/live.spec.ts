import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COALESCE_MS, LiveNotifier, type LiveChange } from './live';

describe('the live notifier', () => {
	let notifier: LiveNotifier;
	beforeEach(() => {
		vi.useFakeTimers();
		notifier = new LiveNotifier();
	});
	afterEach(() => vi.useRealTimers());

	/** A listener that records what it was sent. */
	function listen(sessionId: number | null) {
		const heard: LiveChange[][] = [];
		const stop = notifier.subscribe(sessionId, (changes) => heard.push(changes.sort()));
		return { heard, stop };
	}

	it('costs nothing when nobody listens: no timer, nothing kept', () => {
		for (let i = 0; i < 1000; i++) notifier.sessionChanged(7);
		notifier.helpChanged();
		expect(vi.getTimerCount()).toBe(0);
		expect(notifier.size).toBe(0);
	});

	it('sends a burst of check-ins as one event, then at most one per COALESCE_MS', () => {
		const phone = listen(7);
		// A queue of 300 offline scans arriving in one turn of the event loop.
		for (let i = 0; i < 300; i++) notifier.sessionChanged(7);
		expect(phone.heard).toEqual([]);
		vi.advanceTimersByTime(0);
		expect(phone.heard).toEqual([['session']]);
		// More scans right after: held back until COALESCE_MS after the last event, then one.
		vi.advanceTimersByTime(50);
		notifier.sessionChanged(7);
		notifier.sessionChanged(7);
		vi.advanceTimersByTime(COALESCE_MS - 51);
		expect(phone.heard).toHaveLength(1);
		vi.advanceTimersByTime(1);
		expect(phone.heard).toEqual([['session'], ['session']]);
		// After a quiet spell the next change goes out in the same turn's end, not 250 ms later.
		vi.advanceTimersByTime(5_000);
		notifier.sessionChanged(7);
		vi.advanceTimersByTime(0);
		expect(phone.heard).toHaveLength(3);
	});

	it('puts a help call and a check-in that come together into one event', () => {
		const phone = listen(7);
		notifier.sessionChanged(7);
		notifier.helpChanged();
		vi.advanceTimersByTime(0);
		expect(phone.heard).toEqual([['help', 'session']]);
	});

	it('tells a class’s changes only to its own scanners, the calls for help to every page', () => {
		const seven = listen(7);
		const eight = listen(8);
		const staff = listen(null);
		notifier.sessionChanged(7);
		vi.advanceTimersByTime(0);
		expect(seven.heard).toEqual([['session']]);
		expect(eight.heard).toEqual([]);
		expect(staff.heard).toEqual([]);
		vi.advanceTimersByTime(COALESCE_MS);
		notifier.helpChanged();
		vi.advanceTimersByTime(0);
		expect(seven.heard).toEqual([['session'], ['help']]);
		expect(eight.heard).toEqual([['help']]);
		expect(staff.heard).toEqual([['help']]);
	});

	it('says nothing more after unsubscribe, not even an event already waiting', () => {
		const phone = listen(7);
		const other = listen(7);
		notifier.sessionChanged(7);
		phone.stop();
		vi.advanceTimersByTime(COALESCE_MS);
		expect(phone.heard).toEqual([]);
		expect(other.heard).toEqual([['session']]);
		other.stop();
		expect(notifier.size).toBe(0);
		// The class's entry went with its last listener: back to one lookup, no timer.
		notifier.sessionChanged(7);
		expect(vi.getTimerCount()).toBe(0);
	});
});
