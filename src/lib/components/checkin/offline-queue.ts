import type { RefusedScan } from './refused-summary';

/**
 * Scans that could not reach the server, kept in IndexedDB on the volunteer's device so
 * they survive a reload or a flat battery. Each keeps its nonce and the time it was
 * scanned: sent again later, the server records it once, at that time.
 */
export interface QueuedScan {
	nonce: string;
	sessionId: number;
	code?: string;
	residentId?: number;
	/**
	 * Whom the volunteer picked in the name search (residentId scans): kept on this device only,
	 * never sent, so a scan the server refuses later can still be said by name (the server
	 * names nobody for a bare id). Gone from the device once the scan is sent.
	 */
	name?: string;
	source: 'camera' | 'scanner' | 'search';
	scannedAt: number;
}

/**
 * The request body of a scan: everything but the name, which stays on this device, and this
 * device's clock as it sends (`sentAt`): the server takes how long the scan waited from the
 * two, so a phone whose clock is wrong still records the right time.
 */
export const scanBody = (scan: QueuedScan, sentAt = Date.now()): string =>
	JSON.stringify({ ...scan, sentAt }, (key, value) => (key === 'name' ? undefined : value));

const DB_NAME = 'ths-diem-danh';
const QUEUE = 'queue';
/** Queued scans the server refused when they reached it, kept until the volunteer has read them. */
const REFUSED = 'refused';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		// Version 2 added REFUSED; a phone with version 1 keeps its queue.
		const request = indexedDB.open(DB_NAME, 2);
		request.onupgradeneeded = () => {
			for (const name of [QUEUE, REFUSED]) {
				if (!request.result.objectStoreNames.contains(name)) {
					request.result.createObjectStore(name, { keyPath: 'nonce' });
				}
			}
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

async function run<T>(
	mode: IDBTransactionMode,
	stores: string[],
	fn: (tx: IDBTransaction) => IDBRequest<T>
): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(stores, mode);
			const request = fn(tx);
			tx.oncomplete = () => resolve(request.result);
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});
	} finally {
		db.close();
	}
}

const oldestFirst = <T extends { scannedAt: number }>(all: T[]) =>
	all.sort((a, b) => a.scannedAt - b.scannedAt);

export const enqueue = (scan: QueuedScan) =>
	run('readwrite', [QUEUE], (tx) => tx.objectStore(QUEUE).put(scan));
export const queued = () =>
	run<QueuedScan[]>('readonly', [QUEUE], (tx) => tx.objectStore(QUEUE).getAll()).then(oldestFirst);

/**
 * A queued scan the server has answered leaves the queue; a refused one is kept to be read,
 * in the same transaction, so that a reload or a flat battery between the two loses neither.
 */
export const settle = (nonce: string, refused?: RefusedScan) =>
	run('readwrite', [QUEUE, REFUSED], (tx) => {
		if (refused) tx.objectStore(REFUSED).put(refused);
		return tx.objectStore(QUEUE).delete(nonce);
	});

export const refusedScans = () =>
	run<RefusedScan[]>('readonly', [REFUSED], (tx) => tx.objectStore(REFUSED).getAll()).then(
		oldestFirst
	);

/**
 * Read by the volunteer ("Đã hiểu": those on screen, not one refused since), or the phone
 * signed out (all): the names leave the phone.
 */
export async function forgetRefused(nonces?: string[]): Promise<void> {
	if (nonces?.length === 0) return;
	await run('readwrite', [REFUSED], (tx) => {
		const store = tx.objectStore(REFUSED);
		if (!nonces) return store.clear();
		return nonces.map((nonce) => store.delete(nonce))[nonces.length - 1];
	});
}
