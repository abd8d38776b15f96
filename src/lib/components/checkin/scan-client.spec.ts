import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueuedScan } from './offline-queue';
import type { Sent } from './queue-sender';

// The phone's queue in memory (IndexedDB is the browser's), and a server the test answers for.
const queue: QueuedScan[] = [];
let answer: (scan: QueuedScan) => Sent = () => ({ delivered: false });

vi.mock('./offline-queue', () => ({
	enqueue: async (scan: QueuedScan) => {
		// A real put takes a moment: two scans close together overlap here as in the browser.
		await new Promise((resolve) => setTimeout(resolve, 5));
		queue.push(scan);
	},
	queued: async () => [...queue],
	refusedScans: async () => [],
	forgetRefused: async () => undefined
}));
vi.mock('./queue-sender', () => ({
	postScan: async (scan: QueuedScan) => answer(scan),
	sendQueued: async () => ({ left: [...queue], needsSignIn: false })
}));
vi.mock('./feedback', () => ({ feedback: () => undefined }));

const { ScanClient } = await import('./scan-client.svelte');

const CODE = 'THS23456789ABCDEFGHJKMNPQRS';
const offline = (): Sent => ({ delivered: false });

beforeEach(() => {
	queue.length = 0;
	answer = offline;
});

describe('ScanClient, the server out of reach', () => {
	it('queues a card held up again and again once, and says it is saved already', async () => {
		const client = new ScanClient(7, 0);
		await client.scan({ code: CODE }, 'camera');
		expect(client.result?.title).toBe('Đã lưu, sẽ gửi khi có mạng');
		await client.scan({ code: CODE }, 'camera');
		await client.scan({ code: CODE.toLowerCase() }, 'scanner');
		expect(queue).toHaveLength(1);
		expect(client.waiting).toBe(1);
		expect(client.result?.kind).toBe('already');
		expect(client.result?.title).toBe('Đã lưu rồi, đang chờ gửi');
	});

	it('queues a USB scanner’s double read of one card once', async () => {
		const client = new ScanClient(7, 0);
		await Promise.all([
			client.scan({ code: CODE }, 'scanner'),
			client.scan({ code: CODE }, 'scanner')
		]);
		expect(queue).toHaveLength(1);
		expect(client.waiting).toBe(1);
	});

	it('queues a person picked twice by name once, and two people apart', async () => {
		const client = new ScanClient(7, 0);
		await client.scan({ residentId: 5, name: 'Lê Thị Hoa' }, 'search');
		await client.scan({ residentId: 5, name: 'Lê Thị Hoa' }, 'search');
		expect(client.result?.detail).toBe('Lê Thị Hoa');
		await client.scan({ residentId: 6, name: 'Lê Văn Bình' }, 'search');
		expect(queue.map((s) => s.residentId)).toEqual([5, 6]);
		expect(client.waiting).toBe(2);
	});

	it('does not queue someone it saw checked in, by card or by name, and says so in amber', async () => {
		const client = new ScanClient(7, 0);
		const at = Date.UTC(2026, 2, 9, 1, 5);
		answer = () => ({
			delivered: true,
			status: 201,
			body: { status: 'ok', checkedInAt: at, count: 1, resident: { id: 5, fullName: 'Lê Thị Hoa' } }
		});
		await client.scan({ code: CODE }, 'camera');
		expect(client.count).toBe(1);
		answer = offline;
		await client.scan({ code: CODE }, 'camera');
		expect(client.result).toMatchObject({
			kind: 'already',
			title: 'Đã điểm danh lúc 08:05',
			detail: 'Lê Thị Hoa'
		});
		await client.scan({ residentId: 5, name: 'Lê Thị Hoa' }, 'search');
		expect(client.result?.title).toBe('Đã điểm danh lúc 08:05');
		expect(queue).toHaveLength(0);
		expect(client.count).toBe(1);
	});

	it('queues a card again for another class', async () => {
		await new ScanClient(7, 0).scan({ code: CODE }, 'camera');
		await new ScanClient(8, 0).scan({ code: CODE }, 'camera');
		expect(queue.map((s) => s.sessionId)).toEqual([7, 8]);
	});
});

describe('ScanClient, the count', () => {
	it('takes the first count heard after the page was drawn, though the phone reckons the server half a second behind', () => {
		const now = Date.now() + 60_000;
		vi.useFakeTimers({ now, toFake: ['Date'] });
		try {
			const client = new ScanClient(9, 0);
			client.recall(now + 400);
			client.heardCount(1);
			expect(client.count).toBe(1);
		} finally {
			vi.useRealTimers();
		}
	});

	it('takes a count as of a later moment, and not a refresh asked before the last answer', () => {
		const client = new ScanClient(8, 0);
		client.heardCount(1, 1_000);
		client.heardCount(3, 1_400);
		// A refresh asked at 1,200 (before the third check-in was answered) comes back now.
		client.heardCount(1, 1_200);
		expect(client.count).toBe(3);
		// One asked afterwards is taken, even if smaller (a check-in undone on another phone).
		client.heardCount(2, 1_500);
		expect(client.count).toBe(2);
	});
});
