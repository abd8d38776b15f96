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
const STORE = 'queue';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'nonce' });
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

async function run<T>(
	mode: IDBTransactionMode,
	fn: (s: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const request = fn(tx.objectStore(STORE));
			tx.oncomplete = () => resolve(request.result);
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});
	} finally {
		db.close();
	}
}

export const enqueue = (scan: QueuedScan) => run('readwrite', (s) => s.put(scan));
export const dequeue = (nonce: string) => run('readwrite', (s) => s.delete(nonce));
export const queued = () =>
	run<QueuedScan[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedScan[]>).then((all) =>
		all.sort((a, b) => a.scannedAt - b.scannedAt)
	);
