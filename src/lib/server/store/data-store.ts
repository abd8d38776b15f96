import type { Reads } from './database';
import type { StoreStats } from './store';

/**
 * What pages and services may do with the store: read synchronously through `Reads` (no SQL
 * that writes), and write only through ops, which are journaled before they are applied.
 */
export interface DataStore {
	readonly db: Reads;
	/** Resolves with the op handler's result once the op is on disk and applied. */
	write<R = unknown>(type: string, payload: unknown, actor?: number | null): Promise<R>;
	/**
	 * A value named in StoreOptions.watch, as it was after the last applied batch: read
	 * without SQL, so a hot path can ask it on every request.
	 */
	watched(name: string): number;
	stats(): StoreStats;
	/** Takes a snapshot between two write batches and resolves when it is on disk. */
	snapshot(): Promise<void>;
	/** Waits for queued writes, takes a final snapshot, and closes. */
	close(): Promise<void>;
}
