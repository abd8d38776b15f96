import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	keepFresh,
	LIVE_POLL_MS,
	LIVE_STALE_MS,
	LiveChannel,
	oneAtATime,
	type LiveListener
} from './live-channel';

/** The browser's EventSource, driven by the test. */
class FakeSource {
	static CONNECTING = 0;
	static OPEN = 1;
	static CLOSED = 2;
	static made: FakeSource[] = [];
	readyState = FakeSource.CONNECTING;
	onerror: (() => void) | null = null;
	#handlers = new Map<string, Array<(e: MessageEvent) => void>>();
	constructor(readonly url: string) {
		FakeSource.made.push(this);
	}
	addEventListener(type: string, handler: (e: MessageEvent) => void) {
		this.#handlers.set(type, [...(this.#handlers.get(type) ?? []), handler]);
	}
	close() {
		this.readyState = FakeSource.CLOSED;
	}
	say(type: string, data = '{}') {
		this.readyState = FakeSource.OPEN;
		for (const h of this.#handlers.get(type) ?? []) h({ type, data } as MessageEvent);
	}
	fail(closed = false) {
		this.readyState = closed ? FakeSource.CLOSED : FakeSource.CONNECTING;
		this.onerror?.();
	}
}

const page = { visibilityState: 'visible', listeners: [] as Array<() => void> };

beforeEach(() => {
	vi.useFakeTimers();
	FakeSource.made = [];
	page.visibilityState = 'visible';
	page.listeners = [];
	vi.stubGlobal('EventSource', FakeSource);
	vi.stubGlobal('document', {
		get visibilityState() {
			return page.visibilityState;
		},
		addEventListener: (_: string, f: () => void) => page.listeners.push(f),
		removeEventListener: (_: string, f: () => void) =>
			(page.listeners = page.listeners.filter((l) => l !== f))
	});
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

function listener(session?: number) {
	const heard: string[][] = [];
	const l: LiveListener = { session, onchange: (changes) => heard.push(changes) };
	return { l, heard };
}

/** The microtask the channel opens its stream in. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('the page’s live channel', () => {
	it('opens one stream for the scanner and the staff bar together, with the class in it', async () => {
		const channel = new LiveChannel();
		const bar = listener();
		const scanner = listener(12);
		channel.listen(bar.l);
		const stop = channel.listen(scanner.l);
		await settle();
		expect(FakeSource.made.map((s) => s.url)).toEqual(['/api/live?session=12']);
		// The scanner left (another staff page): the bar's stream only, still one.
		stop();
		await settle();
		expect(FakeSource.made.map((s) => [s.url, s.readyState])).toEqual([
			['/api/live?session=12', FakeSource.CLOSED],
			['/api/live', FakeSource.CONNECTING]
		]);
	});

	it('is healthy only once the server spoke, and reads everything then; a change goes through', async () => {
		const channel = new LiveChannel();
		const scanner = listener(12);
		channel.listen(scanner.l);
		await settle();
		const source = FakeSource.made[0];
		// Open to the browser but silent (a proxy holding the stream back): the pollers poll.
		expect(channel.healthy).toBe(false);
		source.say('hello');
		expect(channel.healthy).toBe(true);
		// Connected: what changed before the stream was there is read now.
		expect(scanner.heard).toEqual([['session', 'help']]);
		source.say('change', '["session"]');
		source.say('ping');
		expect(scanner.heard).toEqual([['session', 'help'], ['session']]);
	});

	it('gives up on a silent stream after LIVE_STALE_MS: the pollers read at once and take over', async () => {
		const channel = new LiveChannel();
		const bar = listener();
		channel.listen(bar.l);
		await settle();
		FakeSource.made[0].say('hello');
		await vi.advanceTimersByTimeAsync(LIVE_STALE_MS - 1000);
		FakeSource.made[0].say('ping');
		await vi.advanceTimersByTimeAsync(LIVE_STALE_MS - 1000);
		expect(channel.healthy).toBe(true);
		// No heartbeat: the connection died without a word (seen at the watchdog's next look).
		await vi.advanceTimersByTimeAsync(LIVE_STALE_MS / 4 + 2000);
		expect(channel.healthy).toBe(false);
		expect(FakeSource.made[0].readyState).toBe(FakeSource.CLOSED);
		expect(bar.heard).toEqual([
			['session', 'help'],
			['session', 'help']
		]);
		// Tried again later, not at once.
		expect(FakeSource.made).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(30_000);
		expect(FakeSource.made).toHaveLength(2);
	});

	it('reads once when the stream breaks, not at every retry of the browser', async () => {
		const channel = new LiveChannel();
		const bar = listener();
		channel.listen(bar.l);
		await settle();
		const source = FakeSource.made[0];
		source.say('hello');
		source.fail();
		source.fail();
		source.fail();
		expect(channel.healthy).toBe(false);
		expect(bar.heard).toHaveLength(2);
		// Back: read once more, healthy again.
		source.say('hello');
		expect(channel.healthy).toBe(true);
		expect(bar.heard).toHaveLength(3);
	});

	it('holds no stream while the page is hidden, and opens one when it shows again', async () => {
		const channel = new LiveChannel();
		channel.listen(listener().l);
		await settle();
		FakeSource.made[0].say('hello');
		page.visibilityState = 'hidden';
		page.listeners.forEach((l) => l());
		await settle();
		expect(FakeSource.made[0].readyState).toBe(FakeSource.CLOSED);
		expect(channel.healthy).toBe(false);
		page.visibilityState = 'visible';
		page.listeners.forEach((l) => l());
		await settle();
		expect(FakeSource.made).toHaveLength(2);
	});

	it('is never healthy in a browser without EventSource', async () => {
		vi.stubGlobal('EventSource', undefined);
		const channel = new LiveChannel();
		channel.listen(listener().l);
		await settle();
		expect(channel.healthy).toBe(false);
	});
});

describe('reads for the channel’s events', () => {
	it('never run two at once: changes during a read make one more read after it', async () => {
		let running = 0;
		let most = 0;
		let reads = 0;
		const finish: Array<() => void> = [];
		const changed = oneAtATime(async () => {
			reads++;
			most = Math.max(most, ++running);
			await new Promise<void>((done) => finish.push(done));
			running--;
		});
		changed();
		changed();
		changed();
		changed();
		expect(reads).toBe(1);
		finish.shift()!();
		await vi.advanceTimersByTimeAsync(0);
		expect(reads).toBe(2);
		finish.shift()!();
		await vi.advanceTimersByTimeAsync(0);
		expect(reads).toBe(2);
		expect(most).toBe(1);
		// Idle again: the next change reads at once.
		changed();
		expect(reads).toBe(3);
		finish.shift()!();
	});
});

describe('a part of the page kept fresh', () => {
	it('polls while the channel is down, skips rounds while it is healthy but reads at least every LIVE_POLL_MS, and reads on its own kind of change', async () => {
		const channel = new LiveChannel();
		let reads = 0;
		const fresh = keepFresh(
			{ read: async () => void reads++, change: 'help', everyMs: 10_000 },
			channel
		);
		expect(reads).toBe(1);
		await settle();
		// No stream yet: each round reads.
		await vi.advanceTimersByTimeAsync(10_000);
		expect(reads).toBe(2);
		const source = FakeSource.made[0];
		/** Time passing in 10-s rounds, the server heard after each (a healthy channel). */
		const talking = async (ms: number) => {
			for (let t = 0; t < ms; t += 10_000) {
				await vi.advanceTimersByTimeAsync(10_000);
				source.say('ping');
			}
		};
		source.say('hello');
		await settle();
		// Healthy: a (re)connection reads once, for what changed while nobody said so.
		expect(reads).toBe(3);
		// Rounds are skipped while the server keeps talking...
		await talking(LIVE_POLL_MS - 10_000);
		expect(reads).toBe(3);
		// ...but not past LIVE_POLL_MS since the last read.
		await vi.advanceTimersByTimeAsync(10_000);
		expect(reads).toBe(4);
		// A change of another kind is not ours; ours reads at once.
		source.say('change', '["session"]');
		await settle();
		expect(reads).toBe(4);
		source.say('change', '["help"]');
		await settle();
		expect(reads).toBe(5);
		// A read asked for (the network back) counts as the last: the next round is skipped.
		await talking(40_000);
		expect(reads).toBe(5);
		fresh.now();
		expect(reads).toBe(6);
		// 60 s after the change's read, 20 s after this one: skipped.
		await talking(20_000);
		expect(reads).toBe(6);
		// Stopped: no more rounds, no more reads on changes.
		fresh.stop();
		source.say('change', '["help"]');
		await vi.advanceTimersByTimeAsync(LIVE_POLL_MS * 2);
		expect(reads).toBe(6);
	});

	it('reads every round while the page says it must (offline), healthy channel or not', async () => {
		const channel = new LiveChannel();
		let reads = 0;
		let offline = true;
		const fresh = keepFresh(
			{
				read: async () => void reads++,
				change: 'session',
				everyMs: 15_000,
				session: 7,
				mustRead: () => offline
			},
			channel
		);
		await settle();
		expect(FakeSource.made[0].url).toBe('/api/live?session=7');
		FakeSource.made[0].say('hello');
		await settle();
		expect(reads).toBe(2);
		await vi.advanceTimersByTimeAsync(15_000);
		expect(reads).toBe(3);
		offline = false;
		FakeSource.made[0].say('ping');
		await vi.advanceTimersByTimeAsync(15_000);
		expect(reads).toBe(3);
		fresh.stop();
	});
});
