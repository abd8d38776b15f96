import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QueuedScan } from './offline-queue';
import {
	emptyMemory,
	forgetMemories,
	heardCheckin,
	heardCount,
	readMemory,
	scanKey,
	waitingPeople,
	waitingScan,
	writeMemory
} from './scan-memory';

const CODE = 'THS23456789ABCDEFGHJKMNPQRS';

const scan = (over: Partial<QueuedScan>): QueuedScan => ({
	nonce: `n-${Math.random()}`,
	sessionId: 7,
	source: 'camera',
	scannedAt: 1000,
	...over
});

describe('scanKey', () => {
	it('takes a card as the scanner may type it (spaces, lower case) as the same card', () => {
		expect(scanKey({ code: ` ${CODE.toLowerCase()} ` })).toBe(scanKey({ code: CODE }));
	});
	it('keeps a card and a person picked by name apart', () => {
		expect(scanKey({ residentId: 5 })).toBe('r:5');
		expect(scanKey({ code: CODE })).not.toBe(scanKey({ residentId: 5 }));
	});
});

describe('waitingScan', () => {
	const queue = [
		scan({ code: CODE, sessionId: 3 }),
		scan({ residentId: 5, sessionId: 7, source: 'search', scannedAt: 2000 })
	];
	it('finds the person already waiting for this class', () => {
		expect(waitingScan(queue, 7, 'r:5')?.scannedAt).toBe(2000);
	});
	it('does not take a scan for another class as this one', () => {
		expect(waitingScan(queue, 7, scanKey({ code: CODE }))).toBeUndefined();
	});
});

describe('waitingPeople', () => {
	it('counts one resident scanned three times as one', () => {
		const queue = [scan({ code: CODE }), scan({ code: CODE }), scan({ code: CODE.toLowerCase() })];
		expect(waitingPeople(queue)).toBe(1);
	});
	it('counts the same card for two classes, and two people, apart', () => {
		const queue = [
			scan({ code: CODE }),
			scan({ code: CODE, sessionId: 8 }),
			scan({ residentId: 5, source: 'search' })
		];
		expect(waitingPeople(queue)).toBe(3);
	});
	it('is 0 for an empty queue', () => {
		expect(waitingPeople([])).toBe(0);
	});
});

describe('heardCount', () => {
	const seen = { 'c:X': { at: 1, name: 'Lê Văn An' } };
	it('keeps the newer count and whom it saw', () => {
		expect(heardCount({ count: 2, at: 100, seen }, 3, 200)).toEqual({ count: 3, at: 200, seen });
	});
	it('ignores a count older than the one it has', () => {
		const memory = { count: 3, at: 200, seen };
		expect(heardCount(memory, 1, 150)).toBe(memory);
	});
	it('forgets whom it saw when the count went down (a check-in was taken back)', () => {
		expect(heardCount({ count: 3, at: 100, seen }, 2, 200)).toEqual({
			count: 2,
			at: 200,
			seen: {}
		});
	});
});

describe('heardCheckin', () => {
	it('keeps a person under each key, at the first time heard', () => {
		const first = heardCheckin(emptyMemory(), ['c:X', 'r:5'], { at: 10, name: 'Lê Văn An' });
		const again = heardCheckin(first, ['c:X'], { at: 99, name: 'Lê Văn An' });
		expect(again.seen).toEqual({
			'c:X': { at: 10, name: 'Lê Văn An' },
			'r:5': { at: 10, name: 'Lê Văn An' }
		});
	});
});

describe('readMemory / writeMemory / forgetMemories', () => {
	afterEach(() => vi.unstubAllGlobals());

	function fakeStorage(): Storage {
		const items = new Map<string, string>();
		const storage = {
			getItem: (key: string) => items.get(key) ?? null,
			setItem: (key: string, value: string) => void items.set(key, value),
			removeItem: (key: string) => void items.delete(key),
			clear: () => items.clear(),
			key: (i: number) => [...items.keys()][i] ?? null,
			get length() {
				return items.size;
			}
		};
		// Object.keys(localStorage) lists what is kept, as a browser's does.
		return new Proxy(storage, {
			ownKeys: () => [...items.keys()],
			getOwnPropertyDescriptor: (_, key) =>
				typeof key === 'string' && items.has(key)
					? { enumerable: true, configurable: true, value: items.get(key) }
					: undefined
		}) as unknown as Storage;
	}

	it('keeps a class’s memory across a reload, and forgets every class’s on sign-out', () => {
		const storage = fakeStorage();
		vi.stubGlobal('localStorage', storage);
		const memory = heardCheckin(heardCount(emptyMemory(), 4, 500), ['r:5'], {
			at: 400,
			name: 'Lê Văn An'
		});
		writeMemory(7, memory);
		writeMemory(8, heardCount(emptyMemory(), 1, 500));
		storage.setItem('something-else', 'stays');
		expect(readMemory(7)).toEqual(memory);
		forgetMemories();
		expect(readMemory(7)).toEqual(emptyMemory());
		expect(readMemory(8)).toEqual(emptyMemory());
		expect(storage.getItem('something-else')).toBe('stays');
	});

	it('reads nothing, without failing, where there is no storage or a damaged entry', () => {
		expect(readMemory(7)).toEqual(emptyMemory()); // node: no localStorage at all
		const storage = fakeStorage();
		vi.stubGlobal('localStorage', storage);
		storage.setItem('ths-diem-danh:7', '{not json');
		expect(readMemory(7)).toEqual(emptyMemory());
	});
});
