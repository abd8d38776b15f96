import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { DataStore } from './data-store';
import { Db } from './database';
import { fsyncDirSync } from './fsync';
import { Journal, type JournalEntry } from './journal';
import { migrate, shippedMigrations, type Migration } from './migrations';
import { Snapshots } from './snapshots';

/** Facts about the op being applied. Handlers use these, never the clock or randomness. */
export interface OpContext {
	seq: number;
	opId: string;
	at: number;
	actor: number | null;
	/** True while the journal is replayed at start (nobody is waiting for the result). */
	replaying: boolean;
}

/**
 * Applies one op to the database. It must be deterministic: the same database and payload
 * give the same result, so that replaying the journal rebuilds exactly what was acknowledged.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OpHandler = (db: Db, payload: any, ctx: OpContext) => unknown;
export type OpHandlers = Record<string, OpHandler>;

export interface StoreOptions {
	dir: string;
	handlers: OpHandlers;
	migrations?: Migration[];
	log?: (message: string) => void;
	/** Snapshot after this many ops in the journal (bounds start time). */
	snapshotEveryOps?: number;
	/** Snapshot this often when anything was written (bounds journal size). */
	snapshotEveryMs?: number;
	now?: () => number;
	/**
	 * Single numbers (SQL giving one row, one column) read again after every applied batch,
	 * for `watched(name)`: e.g. the version of the accounts, which every request checks.
	 */
	watch?: Record<string, string>;
}

export interface StoreStats {
	lastSeq: number;
	journalOps: number;
	/** fsyncs of the journal since start: fewer than writes when group commit shares them. */
	journalSyncs: number;
	snapshotAgeSeconds: number | null;
	/**
	 * Writes are refused: the disk failed a journal write (no more until restarted), or it is
	 * full (each write tries again, see `diskFull`).
	 */
	refusingWrites: boolean;
	/** The last journal write found the disk full; writes go on once space is freed. */
	diskFull: boolean;
	/** The last snapshot failed, and why (English, for the log and the status page). */
	snapshotError: string | null;
	siteId: string;
	epoch: number;
}

interface Pending {
	type: string;
	payload: unknown;
	actor: number | null;
	at: number;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

export class StoreClosedError extends Error {}

/** The data folder cannot be used; the message says why and what to do (see Store.open). */
export class StoreFolderError extends Error {}

const isAccessError = (error: unknown) =>
	['EACCES', 'EPERM'].includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');

function whoAmI(): string {
	try {
		const { username, uid } = userInfo();
		return `${username} (uid ${uid})`;
	} catch {
		return `uid ${process.getuid?.() ?? '?'}`;
	}
}

/** The line Store.open logs when a file in the data folder refuses it; undefined otherwise. */
function folderProblem(error: unknown, dir: string): string | undefined {
	const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
	const what = `store: cannot ${syscall ?? 'use'} ${path ?? dir} in the data folder ${dir} (${code})`;
	const untouched = 'The store was not opened; nothing was lost.';
	switch (code) {
		case 'EACCES':
		case 'EPERM':
			return `${what}: the server runs as ${whoAmI()}, which may not use it. Give that user the folder and its files (e.g. chown -R <user> ${dir}) or set DATA_DIR to a folder it owns. ${untouched}`;
		case 'EROFS':
			return `${what}: the file system is read-only (Linux makes a disk read-only after errors on it). Check the disk (dmesg, fsck), then remount it read-write. ${untouched}`;
		case 'ENOSPC':
		case 'EDQUOT':
			return `${what}: the disk is full. Free space on it (old backups, large files), then start again. ${untouched}`;
		case 'EIO':
			return `${what}: the disk reports an input/output error; it may be failing. Check it (dmesg), and restore the latest backup onto a good disk if needed (kiosk/restore.sh). ${untouched}`;
		case 'ENOTDIR':
		case 'EISDIR':
			return `${what}: DATA_DIR must name a folder. ${untouched}`;
		default:
			return undefined;
	}
}

/**
 * A write refused because the disk is full (ENOSPC, EDQUOT). Nothing of it was kept, and the
 * store takes writes again as soon as one fits (see Store.answer): a client may send it again.
 */
export class DiskFullError extends Error {
	readonly code: string;
	constructor(cause: NodeJS.ErrnoException) {
		super(`store: the disk is full (${cause.code}); the write was not kept`, { cause });
		this.code = cause.code ?? 'ENOSPC';
	}
}

const isDiskFull = (error: unknown) =>
	error instanceof Error && ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException).code!);

/** Thrown inside a batch to undo it: an op threw after writing (see Store.applyEach). */
class UndoOp extends Error {}

/** What became of one op in a batch: its handler's result, or what it threw. */
type Outcome = { ok: true; applied: boolean; value?: unknown } | { ok: false; error: unknown };

/** A batch applied before its journal line is synced (see Store.flush). */
interface Unsynced {
	/** What to go back to if it is undone. */
	before: { appliedSeq: number; uncommitted: number };
	outcomes?: Outcome[];
	/** The database itself failed while applying it. */
	failure?: unknown;
}

/** Replay at start applies the journal this many ops per transaction. */
const REPLAY_BATCH = 1000;

/** How long a snapshot's buffer is kept for the next snapshot (see keepSpare). */
const SPARE_KEPT_MS = 60_000;

/** Lone batches in a row after which writes are taken to come one at a time (see flush). */
const LONE_BATCHES = 4;

/** The file kiosk/restore.sh leaves in the data folder: "this store came from a backup". */
export const RESTORED_MARKER = 'RESTORED';

/** Under a steady stream of writes, applied ops are committed at least this often (see commit). */
const COMMIT_EVERY_OPS = 256;

/**
 * The durable store: sql.js in memory, made durable by an fsync'd operation journal and
 * atomic snapshots (DESIGN.md, "The store"). One writer: ops are queued, journaled in
 * batches that share one fsync (group commit), and applied in order while that fsync is
 * under way (undone if it fails, see flush), a savepoint per batch (and per op only when
 * one must be undone, see applyEach), in a transaction that is committed when the writer
 * goes idle (see commit).
 * While one batch is being synced the next one gathers.
 * Apply reads `last_seq` from memory; it is also written at each commit so a snapshot knows
 * where the journal resumes.
 * A write is acknowledged (its promise settles) only after its journal line is on disk.
 */
export class Store implements DataStore {
	private queue: Pending[] = [];
	private scheduled = false;
	/** A batch is being written and synced; the next one waits in `queue`. */
	private syncing = false;
	/** How many batches in a row held a single op (see `flush`, inline syncs). */
	private loneBatches = 0;
	/** Waiting for every queued write to be settled (close). */
	private idle: Array<() => void> = [];
	private closed = false;
	private failure: unknown;
	/** The last journal write found the disk full (see answer). */
	private diskFull: DiskFullError | undefined;
	private snapshotError: string | null = null;
	private seq = 0;
	private snapshotSeq = 0;
	private snapshotAt: number | null = null;
	private snapshotRequested: Array<() => void> = [];
	private snapshotWrite: Promise<void> = Promise.resolve();
	/** Memory the next snapshot is copied into (see snapshotMemoryReady, keepSpare). */
	private spare: Uint8Array | undefined;
	/** The snapshot worker is preparing `spare`; a requested snapshot waits for it. */
	private preparing = false;
	/** Preparing failed: the next snapshot goes ahead without. */
	private unprepared = false;
	private spareTimer: ReturnType<typeof setTimeout> | undefined;
	private timer: NodeJS.Timeout | undefined;
	private siteId = '';
	private epoch = 1;
	private syncs = 0;
	/** The last op applied to the database (meta.last_seq holds it from each commit on). */
	private appliedSeq = 0;
	/** A transaction holds applied batches that are not committed yet (see commit). */
	private open = false;
	private uncommitted = 0;
	private watchedValues = new Map<string, number>();

	private constructor(
		readonly db: Db,
		private journal: Journal,
		private snapshots: Snapshots,
		private options: Required<Omit<StoreOptions, 'migrations'>>
	) {}

	/**
	 * Opens the store in `options.dir`. A data folder the server may not use (another user's,
	 * a read-only file system, a full or failing disk) stops it with one English line saying
	 * what is wrong and what to do (StoreFolderError, also logged), never half-opened; before,
	 * it ended in Node's stack trace of whichever file came first.
	 */
	static async open(options: StoreOptions): Promise<Store> {
		const log = options.log ?? ((message: string) => console.log(message));
		try {
			return await Store.openIn({ ...options, log });
		} catch (error) {
			const problem = folderProblem(error, options.dir);
			if (!problem) throw error;
			log(problem);
			throw new StoreFolderError(problem, { cause: error });
		}
	}

	private static async openIn(options: StoreOptions): Promise<Store> {
		const opts = {
			log: (message: string) => console.log(message),
			snapshotEveryOps: 50_000,
			snapshotEveryMs: 10 * 60_000,
			now: () => Date.now(),
			watch: {},
			...options
		};
		mkdirSync(opts.dir, { recursive: true });
		const snapshots = new Snapshots(opts.dir);
		const journal = new Journal(opts.dir);
		const migrations = options.migrations ?? shippedMigrations;

		const { db, snapshotSeq } = await loadNewestGoodSnapshot(snapshots, journal, opts.log);
		migrate(db, migrations, opts.now());
		const store = new Store(db, journal, snapshots, opts);
		store.readMeta();
		store.snapshotSeq = snapshotSeq ?? 0;

		const { entries, dropped } = journal.read(store.seq, opts.log);
		for (let i = 0; i < entries.length; i += REPLAY_BATCH) {
			const chunk = entries.slice(i, i + REPLAY_BATCH);
			store.applyBatch(chunk, true).forEach((outcome, j) => {
				if (!outcome.ok) {
					const entry = chunk[j];
					opts.log(
						`store: replayed op ${entry.id} (${entry.type}) was rejected again: ${String(outcome.error)}`
					);
				}
			});
			store.commit();
		}
		store.readWatched();
		const restored = store.newEpochIfRestored();
		if (snapshotSeq === undefined) {
			// A new store: its first snapshot makes its identity (site id) durable.
			await store.snapshotNow();
		} else {
			const newest = snapshots.list()[0];
			store.snapshotAt = newest ? statSync(newest.path).mtimeMs : null;
			journal.openSegment(store.seq + 1);
			if (entries.length > 0 || dropped > 0) {
				opts.log(
					`store: replayed ${entries.length} journaled ops (${dropped} damaged lines dropped)`
				);
				// The replayed ops go into a fresh snapshot right after start, through the writer
				// like any other, so being ready does not wait for a whole-database export. After
				// a restore the snapshot below holds them.
				if (!restored) void store.snapshot();
			}
		}
		if (restored) await store.keepNewEpoch();
		store.timer = setInterval(() => {
			if (store.seq > store.snapshotSeq) void store.snapshot().catch(opts.log);
		}, opts.snapshotEveryMs);
		store.timer.unref();
		return store;
	}

	private readMeta(): void {
		const meta = new Map(
			this.db
				.all<{ key: string; value: string }>('SELECT key, value FROM meta')
				.map((r) => [r.key, r.value])
		);
		if (!meta.has('site_id')) {
			// A new store: its identity, made once (DESIGN.md: op ids never reused across sites).
			this.db.transaction(() => {
				this.db.run("INSERT INTO meta (key, value) VALUES ('site_id', ?)", [randomUUID()]);
				this.db.run("INSERT INTO meta (key, value) VALUES ('epoch', '1')");
				this.db.run("INSERT INTO meta (key, value) VALUES ('last_seq', '0')");
			});
			return this.readMeta();
		}
		this.siteId = meta.get('site_id')!;
		this.epoch = Number(meta.get('epoch'));
		this.seq = Number(meta.get('last_seq'));
		this.appliedSeq = this.seq;
	}

	/**
	 * After a restore (kiosk/restore.sh leaves RESTORED_MARKER in the folder) the store goes on
	 * from the backup's last op, so the sequence numbers after it may already have been given
	 * to ops that were lost with the old store (and perhaps sent to a hub). A new epoch keeps
	 * op ids unique (DESIGN.md: site id, restore epoch, sequence). True when it began one.
	 */
	private newEpochIfRestored(): boolean {
		if (!existsSync(join(this.options.dir, RESTORED_MARKER))) return false;
		this.epoch += 1;
		this.db.transaction(() =>
			this.db.run("UPDATE meta SET value = ? WHERE key = 'epoch'", [String(this.epoch)])
		);
		return true;
	}

	/**
	 * The new epoch is in no journal: a snapshot keeps it, and only then does the marker go.
	 * A crash before that bumps it again, which keeps ids unique just the same (an epoch may
	 * be skipped, never reused).
	 */
	private async keepNewEpoch(): Promise<void> {
		await this.snapshotNow();
		unlinkSync(join(this.options.dir, RESTORED_MARKER));
		fsyncDirSync(this.options.dir);
		this.options.log(`store: restored from a backup; new ops are numbered in epoch ${this.epoch}`);
	}

	/**
	 * Queues an op and resolves with its handler's result once the op is journaled, fsync'd
	 * and applied. A handler that throws rejects the promise and changes nothing.
	 */
	write<R = unknown>(type: string, payload: unknown, actor: number | null = null): Promise<R> {
		if (this.closed) return Promise.reject(new StoreClosedError('store is closed'));
		if (this.failure) return Promise.reject(this.failure);
		if (!this.options.handlers[type]) return Promise.reject(new Error(`unknown op type ${type}`));
		return new Promise<R>((resolve, reject) => {
			this.queue.push({
				type,
				payload,
				actor,
				at: this.options.now(),
				resolve: resolve as (v: unknown) => void,
				reject
			});
			this.schedule();
		});
	}

	/**
	 * Group commit: the batch is written on the next turn of the event loop, so every write
	 * that arrived in the same turn (all the requests read from the network together) shares
	 * one fsync; writes that arrive while a batch is syncing form the next one. Only one batch
	 * is in flight and batches are applied in journal order, so one writer holds by
	 * construction.
	 */
	private schedule(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		setImmediate(() => {
			this.scheduled = false;
			this.flush();
		});
	}

	private flush(): void {
		// The batch in flight calls flush again when it is on disk.
		if (this.syncing) return;
		// A snapshot exports the database as it is: only when no journaled op awaits applying.
		if (
			this.snapshotRequested.length > 0 &&
			this.appliedSeq === this.seq &&
			this.snapshotMemoryReady()
		) {
			const waiting = this.snapshotRequested.splice(0);
			this.startSnapshot().then(
				() => waiting.forEach((done) => done()),
				(error) => {
					this.options.log(`store: snapshot failed: ${String(error)}`);
					waiting.forEach((done) => done());
				}
			);
		}
		if (this.queue.length === 0) {
			this.idle.splice(0).forEach((done) => done());
			return;
		}
		if (this.failure) {
			this.queue.splice(0).forEach((op) => op.reject(this.failure));
			return this.flush();
		}
		const batch = this.queue.splice(0);
		// Writes arriving one at a time sync inline; overlapping writes sync on the thread pool
		// while the loop applies them and reads the next requests. "One at a time" means the
		// last LONE_BATCHES batches all held one op: under concurrent clients a lone op is often
		// just the first to come back, and an inline sync would freeze the loop (reading the
		// others, answering the batch before) for a whole sync.
		this.loneBatches = batch.length === 1 ? this.loneBatches + 1 : 0;
		const inline = this.loneBatches > LONE_BATCHES;
		const entries: JournalEntry[] = batch.map((op) => {
			const seq = ++this.seq;
			return {
				seq,
				id: `${this.siteId}:${this.epoch}:${seq}`,
				type: op.type,
				at: op.at,
				actor: op.actor,
				payload: op.payload
			};
		});
		this.syncing = true;
		if (inline) {
			this.journal.append(entries, true, (error) =>
				this.answer(batch, entries[0].seq, error ? undefined : this.applyUnsynced(entries), error)
			);
			return;
		}
		// The batch is applied while its journal line is on its way to the disk, and answered
		// only once it is there. Applying it after the sync left the loop waiting through the
		// sync with nothing to do whenever the devices were all waiting for their answers (as
		// 20 devices scanning at full speed do: each sends its next scan after hearing back).
		// Until then the batch is in a savepoint of its own, undone if the disk refuses it.
		// Reads in between may see it; no one is told it is recorded before it is durable.
		// The disk's answer is handled on the next turn of the loop, after the requests that
		// came with it are read: they join the next batch instead of forming one of their own.
		this.journal.append(entries, false, (error) =>
			setImmediate(() => this.answer(batch, entries[0].seq, applied, error))
		);
		const applied = this.applyUnsynced(entries);
	}

	/**
	 * Applies a batch inside the savepoint `unsynced`, kept open until its journal write is
	 * answered (see flush; an inline batch is already synced). A failure of the database
	 * itself (not of a handler) is kept for `answer`: memory may no longer match the journal.
	 */
	private applyUnsynced(entries: JournalEntry[]): Unsynced {
		const before = { appliedSeq: this.appliedSeq, uncommitted: this.uncommitted };
		try {
			this.beginIfClosed();
			this.db.mark('unsynced');
			return { before, outcomes: this.applyBatch(entries, false) };
		} catch (error) {
			return { before, failure: error };
		}
	}

	/**
	 * A batch's journal write came back: the batch is kept and each waiting writer hears its
	 * op's outcome, or, when the disk or the database failed, the batch is undone, nothing in
	 * it is acknowledged, and no further write is taken (the journal's tail is unknown; a
	 * restart replays the journal and rebuilds memory exactly). A disk that is full is the
	 * exception: what part of the batch reached the file is cut off again (see
	 * Journal.dropUnsynced), its sequence numbers are given to the next batch, and the store
	 * goes on taking writes, each refused with DiskFullError until space is freed. Before,
	 * the store refused every write until a restart, even once space was back, and a restart
	 * on a disk still full did no better.
	 */
	private answer(
		batch: Pending[],
		firstSeq: number,
		applied: Unsynced | undefined,
		error: Error | null
	): void {
		this.syncing = false;
		let failure = error ?? applied?.failure;
		if (failure === undefined && applied) {
			try {
				this.db.release('unsynced');
			} catch (released) {
				failure = released;
			}
		}
		if (failure !== undefined || !applied?.outcomes) {
			const undone = applied ? this.undoUnsynced(applied) : true;
			const fullOnly = error && isDiskFull(error) && undone && !applied?.failure && !this.failure;
			if (fullOnly && this.journal.dropUnsynced()) {
				this.seq = firstSeq - 1;
				if (!this.diskFull) {
					this.options.log(
						`store: the disk is full (${String(error)}): writes are refused (nothing acknowledged is lost) until space is freed in ${this.options.dir}; they are taken again by themselves once there is room`
					);
				}
				this.diskFull = new DiskFullError(error);
				batch.forEach((op) => op.reject(this.diskFull));
				return this.flush();
			}
			this.failure ??= failure;
			const what = error ? 'journal write' : 'applying a batch';
			this.options.log(`store: ${what} failed, refusing writes: ${String(failure)}`);
			batch.forEach((op) => op.reject(failure));
			return this.flush();
		}
		this.syncs++;
		if (this.diskFull) {
			this.diskFull = undefined;
			this.options.log('store: the disk takes writes again');
		}
		// Before anyone is answered: whoever hears back reads the values this batch left.
		this.readWatched();
		applied.outcomes.forEach((outcome, i) => {
			if (!outcome.ok) return batch[i].reject(outcome.error);
			// A live op is always newer than what was applied; if not, say so rather than answer
			// with nothing (a bug in the batching, never a user's mistake).
			if (!outcome.applied) return batch[i].reject(new Error('store: op applied out of order'));
			batch[i].resolve(outcome.value);
		});
		if (this.seq - this.snapshotSeq >= this.options.snapshotEveryOps) {
			this.snapshotRequested.push(() => {});
		}
		// Nothing more waiting: the writer is idle, so what it applied goes into the file.
		if (this.queue.length === 0 || this.uncommitted >= COMMIT_EVERY_OPS) this.commit();
		// On the next turn: the answers go out first, and requests read meanwhile join the
		// next batch.
		this.schedule();
	}

	/** Takes back a batch that will not be acknowledged (see answer); false if it could not. */
	private undoUnsynced(applied: Unsynced): boolean {
		this.appliedSeq = applied.before.appliedSeq;
		this.uncommitted = applied.before.uncommitted;
		try {
			this.db.undo('unsynced');
			this.readWatched();
			return true;
		} catch {
			// The database is failing as well; the store refuses writes from here on.
			return false;
		}
	}

	/**
	 * Applies journal entries in a savepoint: an op whose handler throws changes nothing (the
	 * op stays in the journal and throws again on replay), and a failing database undoes only
	 * this batch. An entry already applied (its seq is not newer than the store's) changes
	 * nothing: ops are idempotent, replay is safe. The changes stay in the store's open
	 * transaction until `commit()`.
	 */
	applyBatch(entries: JournalEntry[], replaying: boolean): Outcome[] {
		const fresh = entries.filter((entry) => entry.seq > this.appliedSeq);
		if (fresh.length === 0) return entries.map(() => ({ ok: true, applied: false }));
		const lastSeq = fresh[fresh.length - 1].seq;
		this.beginIfClosed();
		const before = this.appliedSeq;
		let outcomes: Outcome[];
		try {
			outcomes = this.db.savepoint(() => this.applyEach(entries, replaying, false), 'batch');
		} catch (error) {
			if (!(error instanceof UndoOp)) throw error;
			// An op threw after it had written: the batch was undone, and is applied again with
			// each op in a savepoint of its own. Handlers are deterministic, so the ops before it
			// come out the same.
			this.appliedSeq = before;
			outcomes = this.db.savepoint(() => this.applyEach(entries, replaying, true), 'batch');
		}
		this.uncommitted += fresh.length;
		this.seq = Math.max(this.seq, lastSeq);
		return outcomes;
	}

	/** Applied batches stay in one transaction until `commit()`. */
	private beginIfClosed(): void {
		if (this.open) return;
		this.db.begin();
		this.open = true;
	}

	/**
	 * Runs each entry's handler. Without `isolated`, no savepoint per op: most ops never
	 * throw, and most that do (a refusal, a username taken) throw before writing anything, so
	 * there is nothing to undo; a savepoint per op cost ~9% of a check-in's SQL (every page
	 * an op changed was first copied for it). An op that throws after writing raises UndoOp.
	 */
	private applyEach(entries: JournalEntry[], replaying: boolean, isolated: boolean): Outcome[] {
		return entries.map((entry): Outcome => {
			if (entry.seq <= this.appliedSeq) return { ok: true, applied: false };
			const handler = this.options.handlers[entry.type];
			this.appliedSeq = entry.seq;
			if (!handler) return { ok: false, error: new Error(`unknown op type ${entry.type}`) };
			const ctx: OpContext = {
				seq: entry.seq,
				opId: entry.id,
				at: entry.at,
				actor: entry.actor,
				replaying
			};
			const writes = this.db.writes;
			try {
				const value = isolated
					? this.db.savepoint(() => handler(this.db, entry.payload, ctx))
					: handler(this.db, entry.payload, ctx);
				return { ok: true, applied: true, value };
			} catch (error) {
				if (!isolated && this.db.writes !== writes) throw new UndoOp();
				return { ok: false, error };
			}
		});
	}

	/**
	 * Commits the applied ops into sql.js's in-memory file, with `last_seq`. Why not after
	 * each batch: a commit writes every page the batch changed into that file, and each
	 * batch first copies every page it changes for rollback. Under a stream of check-ins the
	 * same pages (the newest rows, the session's count) change in batch after batch: one
	 * commit for many batches copies and writes them once (profiled at 1M rows, the commits'
	 * share of a check-in fell from ~30 to ~6 µs). Nothing is less durable: an op is durable once its journal line is synced,
	 * before it is applied, and reads on the one connection see the open transaction.
	 * Committed when the writer goes idle, every COMMIT_EVERY_OPS ops (the rollback copies
	 * are kept in memory until then), and before a snapshot or close.
	 */
	private commit(): boolean {
		if (!this.open) return true;
		try {
			this.db.run("UPDATE meta SET value = ? WHERE key = 'last_seq'", [String(this.appliedSeq)]);
			this.db.commit();
		} catch (error) {
			// As when a batch fails to apply: the journal rebuilds it all at the next start.
			this.failure ??= error;
			this.options.log(`store: commit failed, refusing writes: ${String(error)}`);
			return false;
		}
		this.open = false;
		this.uncommitted = 0;
		return true;
	}

	/** Applies one journal entry (see applyBatch). */
	applyEntry(entry: JournalEntry, replaying: boolean): { applied: boolean; result?: unknown } {
		const outcome = this.applyBatch([entry], replaying)[0];
		if (!outcome.ok) throw outcome.error;
		return { applied: outcome.applied, result: outcome.value };
	}

	watched(name: string): number {
		const value = this.watchedValues.get(name);
		if (value === undefined) throw new Error(`store: "${name}" is not watched`);
		return value;
	}

	/** Reads every watched value; runs after each applied batch (one small query each). */
	private readWatched(): void {
		for (const [name, sql] of Object.entries(this.options.watch)) {
			this.watchedValues.set(name, Number(this.db.value(sql) ?? -1));
		}
	}

	/** Takes a snapshot between two write batches and resolves when it is on disk. */
	snapshot(): Promise<void> {
		return new Promise((resolve) => {
			this.snapshotRequested.push(resolve);
			this.schedule();
		});
	}

	/**
	 * Commits, exports the database (synchronously: an export needs no open transaction),
	 * starts a new journal segment, then writes the file while further writes go on. Old
	 * journal segments go only once both kept snapshots cover them.
	 */
	private startSnapshot(): Promise<void> {
		if (!this.commit()) return Promise.reject(this.failure);
		const seq = this.seq;
		// The last snapshot's buffer is taken (so no other snapshot writes into it meanwhile)
		// and given back once this one is on disk.
		const into = this.spare;
		this.spare = undefined;
		let bytes: Uint8Array;
		try {
			bytes = this.db.image(String(seq), into) ?? this.db.export();
			// A disk that refuses the new segment (full, read-only) throws here, on the event
			// loop: it once went up through flush and ended the process. The old segment stays.
			this.journal.rotate(seq + 1);
		} catch (error) {
			this.snapshotError = String(error);
			return Promise.reject(error);
		}
		this.snapshotSeq = seq;
		const written = this.snapshotWrite.then(async () => {
			try {
				await this.snapshots.write(seq, bytes);
			} catch (error) {
				this.snapshotError = String(error);
				throw error;
			}
			this.snapshotError = null;
			this.keepSpare(bytes);
			this.snapshotAt = this.options.now();
			this.journal.prune(this.snapshots.oldestKept()?.seq ?? 0);
		});
		this.snapshotWrite = written.catch(() => {});
		return written;
	}

	/**
	 * True when a snapshot may start: memory big enough for the copy is at hand. If not, the
	 * snapshot worker prepares it (every page touched on its thread) while writes go on, and
	 * the snapshot starts when it is there. Fresh memory costs far more than the copy itself
	 * on this machine: ~0.5 s for the first touch of 200 MB inside the server, against ~15 ms
	 * to copy into memory touched before, and during either no check-in is answered.
	 */
	private snapshotMemoryReady(): boolean {
		if (this.preparing) return false;
		if (this.closed || this.unprepared || !this.db.imageable) {
			this.unprepared = false;
			return true;
		}
		const size = this.db.fileSize();
		if (this.spare && this.spare.byteLength >= size) return true;
		this.preparing = true;
		// Headroom, so that the next, slightly larger snapshot fits the same memory.
		this.snapshots.prepare(size + (size >> 3)).then(
			(memory) => {
				this.preparing = false;
				this.keepSpare(memory);
				this.schedule();
			},
			(error) => {
				this.preparing = false;
				// Closing stops the worker; the final snapshot needs no prepared memory.
				if (this.closed) return;
				// The snapshot is taken all the same, into memory touched on the event loop.
				this.unprepared = true;
				this.options.log(`store: snapshot memory not prepared: ${String(error)}`);
				this.schedule();
			}
		);
		return false;
	}

	/**
	 * Keeps a snapshot's memory for the next one while snapshots come often (a busy hour:
	 * every 50,000 writes). It is the size of the whole database, so it goes after
	 * SPARE_KEPT_MS; memory that went to the snapshot worker (not shared) is not kept.
	 */
	private keepSpare(bytes: Uint8Array): void {
		if (this.closed || !(bytes.buffer instanceof SharedArrayBuffer)) return;
		// From the same start: prepared memory may begin where the disk takes direct writes.
		this.spare = new Uint8Array(bytes.buffer, bytes.byteOffset);
		if (this.spareTimer) clearTimeout(this.spareTimer);
		this.spareTimer = setTimeout(() => (this.spare = undefined), SPARE_KEPT_MS);
		this.spareTimer.unref();
	}

	private async snapshotNow(): Promise<void> {
		await this.startSnapshot();
	}

	stats(): StoreStats {
		return {
			lastSeq: this.seq,
			journalOps: this.seq - this.snapshotSeq,
			journalSyncs: this.syncs,
			refusingWrites: this.failure !== undefined || this.diskFull !== undefined,
			diskFull: this.diskFull !== undefined,
			snapshotError: this.snapshotError,
			snapshotAgeSeconds:
				this.snapshotAt === null ? null : Math.round((this.options.now() - this.snapshotAt) / 1000),
			siteId: this.siteId,
			epoch: this.epoch
		};
	}

	/** Waits for queued writes, takes a final snapshot, and closes. */
	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		if (this.timer) clearInterval(this.timer);
		if (this.spareTimer) clearTimeout(this.spareTimer);
		if (this.syncing || this.queue.length > 0) {
			await new Promise<void>((done) => {
				this.idle.push(done);
				this.schedule();
			});
		}
		if (!this.failure && this.seq > this.snapshotSeq) {
			// A final snapshot the disk refuses loses nothing: the journal holds every op and
			// the next start replays it. Before, the refusal escaped close and ended the stop
			// in an unhandled rejection.
			await this.startSnapshot().catch((error) =>
				this.options.log(
					`store: final snapshot failed (${String(error)}); the journal keeps every op and the next start replays it`
				)
			);
		}
		await this.snapshotWrite;
		// Snapshots still waiting for memory: the final one above holds everything.
		this.snapshotRequested.splice(0).forEach((done) => done());
		this.journal.closeSegment();
		await this.snapshots.close();
		this.db.close();
	}
}

/**
 * The newest snapshot that is intact: its CRC-32 matches the one written with it, or, with no
 * checksum beside it, it passes `PRAGMA quick_check`. When every snapshot is damaged and
 * the journal still starts at op 1, an empty database replays it all.
 */
async function loadNewestGoodSnapshot(
	snapshots: Snapshots,
	journal: Journal,
	log: (message: string) => void
): Promise<{ db: Db; snapshotSeq: number | undefined }> {
	const files = snapshots.list();
	for (const file of files) {
		let db: Db | undefined;
		try {
			const { bytes, buffer } = snapshots.read(file);
			// Checked before opening: from then on sql.js writes into the same buffer.
			const intact = snapshots.matchesChecksum(file, bytes);
			db = await Db.create(buffer);
			// A snapshot whose bytes match the checksum written with it is exactly the database
			// that was exported; PRAGMA quick_check (1.4 s at 1M rows) decides for the others.
			if (intact || db.quickCheck()) {
				return { db, snapshotSeq: file.seq };
			}
		} catch (error) {
			// A snapshot the server may not read is not damaged: falling back to an older one
			// (or to none) would start from old data. Store.open says what to do instead.
			if (isAccessError(error)) {
				db?.close();
				throw error;
			}
			// falls through to the older generation
		}
		db?.close();
		log(`store: snapshot ${file.path} failed quick_check; trying an older one`);
	}
	const firstSegment = journal.segments()[0];
	if (files.length > 0 && firstSegment && firstSegment.firstSeq > 1) {
		throw new Error('store: no usable snapshot and the journal does not reach back to op 1');
	}
	return { db: await Db.create(), snapshotSeq: undefined };
}
