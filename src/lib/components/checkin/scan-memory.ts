import { normaliseCardCode } from '$lib/domain/card-code';
import type { QueuedScan } from './offline-queue';

/**
 * What the scanner remembers of a class between scans and reloads, on this phone only: whom it
 * has seen checked in, and the count as the server last said it. With the server gone it is all
 * the phone knows: a card held up again must not be queued again ("Chờ gửi" counted one
 * resident holding a card for 15 s as three), and a reload must not bring back the count of the
 * page's old copy. Forgotten when the volunteer signs out (someone else may pick the phone up).
 */

/** Who a scan is about, as the phone can tell: the card's code, or the person picked by name. */
export function scanKey(scan: { code?: string; residentId?: number }): string {
	return scan.code !== undefined ? `c:${normaliseCardCode(scan.code)}` : `r:${scan.residentId}`;
}

/** The scan of this person already waiting in the queue for this class, if there is one. */
export function waitingScan(
	queue: QueuedScan[],
	sessionId: number,
	key: string
): QueuedScan | undefined {
	return queue.find((scan) => scan.sessionId === sessionId && scanKey(scan) === key);
}

/**
 * "Chờ gửi" counts people, not scans: a queue from before scans were kept once per person (or
 * a card and a name search of someone the phone did not know yet) holds one person twice.
 */
export function waitingPeople(queue: QueuedScan[]): number {
	return new Set(queue.map((scan) => `${scan.sessionId} ${scanKey(scan)}`)).size;
}

/** A person this phone heard the server check in to the class. */
export interface Seen {
	/** When they were checked in (the server's time). */
	at: number;
	name: string;
}

export interface ClassMemory {
	/** The class's count as the server last said it, and when (`at`, this phone's clock). */
	count: number;
	at: number;
	/** By scanKey: a checked-in card is kept under its code and under its owner's id. */
	seen: Record<string, Seen>;
}

export const emptyMemory = (): ClassMemory => ({ count: 0, at: 0, seen: {} });

/**
 * The count the server said at `at`. When it went down, someone's check-in was taken back
 * ("Huỷ điểm danh", maybe on another phone): whom this phone saw may be out of date, and one of
 * them scanned again offline must be queued, not turned away, so they are all forgotten.
 */
export function heardCount(memory: ClassMemory, count: number, at: number): ClassMemory {
	if (at < memory.at) return memory;
	const seen = count < memory.count ? {} : memory.seen;
	return { count, at, seen };
}

/** The server checked `resident` in at `at`: kept under each key the phone may see them by. */
export function heardCheckin(memory: ClassMemory, keys: string[], seen: Seen): ClassMemory {
	const more = Object.fromEntries(keys.map((key) => [key, memory.seen[key] ?? seen]));
	return { ...memory, seen: { ...memory.seen, ...more } };
}

const PREFIX = 'ths-diem-danh:';

/** The memory of a class on this phone (empty when none, or when storage is not there). */
export function readMemory(sessionId: number): ClassMemory {
	try {
		const raw = localStorage.getItem(`${PREFIX}${sessionId}`);
		const kept = raw ? (JSON.parse(raw) as Partial<ClassMemory>) : {};
		return {
			count: typeof kept.count === 'number' ? kept.count : 0,
			at: typeof kept.at === 'number' ? kept.at : 0,
			seen: kept.seen && typeof kept.seen === 'object' ? kept.seen : {}
		};
	} catch {
		return emptyMemory(); // private mode or a damaged entry: the page's own numbers stand
	}
}

export function writeMemory(sessionId: number, memory: ClassMemory): void {
	try {
		localStorage.setItem(`${PREFIX}${sessionId}`, JSON.stringify(memory));
	} catch {
		// storage full or refused: the page still works, a reload shows the copy's count
	}
}

/** Signed out: every class's memory leaves the phone (names of the people checked in). */
export function forgetMemories(): void {
	try {
		for (const key of Object.keys(localStorage)) {
			if (key.startsWith(PREFIX)) localStorage.removeItem(key);
		}
	} catch {
		// storage not there: nothing was kept
	}
}
