import type { BindParams, Database, SqlValue, Statement } from 'sql.js';
import { foldVietnamese } from '../../domain/text';
import { loadSqlJs } from './sqljs';

export type Row = Record<string, SqlValue>;
/** The store's savepoints: an op, a batch, a batch whose journal line is not synced yet. */
type SavepointName = 'op' | 'batch' | 'unsynced';
export type Params = BindParams;

/**
 * What reading needs of the database. Pages and services get only this (DataStore.db): every
 * change goes through an op, so that it is journaled and replayed.
 */
export interface Reads {
	all<T = Row>(sql: string, params?: Params): T[];
	get<T = Row>(sql: string, params?: Params): T | undefined;
	/** A single value (first column of the first row), e.g. a count. */
	value<T extends SqlValue = number>(sql: string, params?: Params): T | undefined;
}

/**
 * The one handle on the sql.js database. Everything that touches SQL goes through this
 * wrapper: it caches prepared statements, sets the connection's PRAGMAs and functions, and
 * keeps sql.js's quirks in one place.
 */
export class Db implements Reads {
	private statements = new Map<string, Statement>();
	/** Cached statements that may write (anything but a SELECT), for `writes`. */
	private writing = new Set<Statement>();
	/**
	 * Counts statements run that may have written: the store compares it around an op to
	 * know whether an op that threw left anything to undo.
	 */
	writes = 0;
	/** Column names per statement: sql.js's getAsObject reads them from WASM on every row. */
	private columns = new Map<Statement, string[]>();

	private constructor(
		private raw: Database,
		/** The buffer sql.js keeps the database file in, when it was given one (see image). */
		private file?: Buffer
	) {
		this.configure();
	}

	/**
	 * Opens a database from a file's bytes. A Node Buffer is not copied: sql.js's in-memory
	 * file system keeps the file in that very buffer (it "slices" it, which for a Buffer is a
	 * view) and writes pages into it until the file outgrows it; `image()` reads it back.
	 * Bytes after the database's own pages (room to grow, see Snapshots.read) are ignored by
	 * SQLite, which takes the size from the page count in the file's header.
	 */
	static async create(bytes?: Uint8Array): Promise<Db> {
		const SQL = await loadSqlJs();
		return new Db(new SQL.Database(bytes), Buffer.isBuffer(bytes) ? bytes : undefined);
	}

	/**
	 * Connection settings. Durability is the journal's job, so SQLite's own rollback journal
	 * stays in memory. The database file lives in Emscripten's in-memory file system, where
	 * every page read crosses from JavaScript into WebAssembly: a 32 MB page cache keeps the
	 * hot index pages inside (a write's p99 at 1M rows fell from ~0.4 to ~0.14 ms). The one
	 * connection never shares the file, so an EXCLUSIVE lock skips SQLite's hot-journal
	 * lookup before every read (a failing MEMFS lookup, ~3% of the server's CPU under load).
	 * Called again after anything that reopens the connection.
	 */
	private configure(): void {
		this.raw.exec(
			'PRAGMA foreign_keys = ON; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768; PRAGMA locking_mode = EXCLUSIVE;'
		);
		// `vi_fold('Nguyễn Văn')` = 'nguyen van': lets name search ignore diacritics in SQL.
		this.raw.create_function('vi_fold', (text: SqlValue) =>
			typeof text === 'string' ? foldVietnamese(text) : null
		);
	}

	private statement(sql: string): Statement {
		let stmt = this.statements.get(sql);
		if (!stmt) {
			stmt = this.raw.prepare(sql);
			this.statements.set(sql, stmt);
			if (!/^\s*SELECT\b/i.test(sql)) this.writing.add(stmt);
		}
		if (this.writing.has(stmt)) this.writes++;
		return stmt;
	}

	/** The current row as an object, like getAsObject, with the column names read once. */
	private row(stmt: Statement): Row {
		const values = stmt.get();
		let names = this.columns.get(stmt);
		if (!names || names.length !== values.length) {
			names = stmt.getColumnNames();
			this.columns.set(stmt, names);
		}
		const row: Row = {};
		for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
		return row;
	}

	all<T = Row>(sql: string, params?: Params): T[] {
		const stmt = this.statement(sql);
		try {
			if (params) stmt.bind(params);
			const rows: T[] = [];
			while (stmt.step()) rows.push(this.row(stmt) as T);
			return rows;
		} finally {
			stmt.reset();
		}
	}

	get<T = Row>(sql: string, params?: Params): T | undefined {
		const stmt = this.statement(sql);
		try {
			if (params) stmt.bind(params);
			return stmt.step() ? (this.row(stmt) as T) : undefined;
		} finally {
			stmt.reset();
		}
	}

	/** A single value (first column of the first row), e.g. a count. */
	value<T extends SqlValue = number>(sql: string, params?: Params): T | undefined {
		const stmt = this.statement(sql);
		try {
			if (params) stmt.bind(params);
			return stmt.step() ? (stmt.get()[0] as T) : undefined;
		} finally {
			stmt.reset();
		}
	}

	run(sql: string, params?: Params): { changes: number; lastId: number } {
		const stmt = this.statement(sql);
		try {
			stmt.run(params);
		} finally {
			stmt.reset();
		}
		const changes = this.raw.getRowsModified();
		// Asked only when read: most writes never need the new row's id.
		const lastId = () => this.value<number>('SELECT last_insert_rowid()') ?? 0;
		return {
			changes,
			get lastId() {
				return lastId();
			}
		};
	}

	/** Runs a script of several statements (migrations, seeding). */
	exec(sql: string): void {
		this.writes++;
		this.raw.exec(sql);
		// A script may change the schema: a cached statement's columns are read afresh.
		this.columns.clear();
	}

	/** Runs `fn` in a transaction; any throw rolls everything back. Not re-entrant. */
	transaction<T>(fn: () => T): T {
		this.run('BEGIN');
		try {
			const result = fn();
			this.run('COMMIT');
			return result;
		} catch (error) {
			this.run('ROLLBACK');
			throw error;
		}
	}

	/** Opens a transaction that stays open until `commit()` (the store's applied batches). */
	begin(): void {
		this.run('BEGIN');
	}

	commit(): void {
		this.run('COMMIT');
	}

	/**
	 * Runs `fn` inside the open transaction so that a throw undoes only `fn`'s changes: the
	 * store applies many batches in one transaction (one commit into the in-memory file
	 * instead of one per batch), each batch in a savepoint of its own (and each op, when a
	 * batch must be applied again op by op).
	 */
	savepoint<T>(fn: () => T, name: SavepointName = 'op'): T {
		this.mark(name);
		try {
			const result = fn();
			this.release(name);
			return result;
		} catch (error) {
			this.undo(name);
			throw error;
		}
	}

	/**
	 * Opens a savepoint that outlives the call: `release` keeps what was done since, `undo`
	 * takes it back. The store keeps one open around a batch applied while its journal line
	 * is still on its way to the disk.
	 */
	mark(name: SavepointName): void {
		this.run(`SAVEPOINT ${name}`);
	}

	release(name: SavepointName): void {
		this.run(`RELEASE ${name}`);
	}

	undo(name: SavepointName): void {
		this.run(`ROLLBACK TO ${name}`);
		this.run(`RELEASE ${name}`);
	}

	quickCheck(): boolean {
		try {
			return this.value<string>('PRAGMA quick_check') === 'ok';
		} catch {
			return false;
		}
	}

	/**
	 * The whole database as bytes for a snapshot. sql.js 1.16 exports through SQLite's backup
	 * API and keeps the connection open; older versions closed and reopened it, dropping
	 * PRAGMAs and statements. `configure()` runs again so either way the connection comes out
	 * as it went in (a test guards foreign keys staying on).
	 */
	export(): Uint8Array {
		const bytes = this.raw.export();
		this.configure();
		return bytes;
	}

	/** False when `image()` can never copy the file (it was not opened from a buffer). */
	get imageable(): boolean {
		return this.file !== undefined;
	}

	/** The database file's size in bytes (its pages × the page size). */
	fileSize(): number {
		const { pageSize, pages } = this.geometry();
		return pageSize * pages;
	}

	private geometry(): { pageSize: number; pages: number } {
		return {
			pageSize: this.value<number>('PRAGMA page_size') ?? 0,
			pages: this.value<number>('PRAGMA page_count') ?? 0
		};
	}

	/**
	 * The database file as it is now, copied out of the buffer sql.js writes it into (see
	 * create): the same bytes as `export()`, but one copy instead of a page-by-page backup
	 * into freshly allocated memory (1M rows: ~10 ms into a reused buffer against ~0.7 s,
	 * during which no check-in is answered). Copied into `into` when it is big enough.
	 *
	 * Undefined when that buffer may no longer be the file. sql.js moves the file to a new
	 * array when it grows past the buffer or is truncated, and says nothing. So the copy is
	 * used only when (1) the database still fits the buffer, so it never grew past it (pages
	 * are never given back: nothing here vacuums), (2) the header in the buffer has the live
	 * page count, and (3) the buffer's `meta` page holds the record `last_seq` = `lastSeq`,
	 * written by the batch just applied: a value never written before, so a buffer left
	 * behind by any move cannot hold it. Never inside a transaction.
	 */
	image(lastSeq: string, into?: Uint8Array): Uint8Array | undefined {
		const file = this.file;
		if (!file) return undefined;
		const { pageSize, pages } = this.geometry();
		const size = pageSize * pages;
		if (size === 0 || size > file.length || file.readUInt32BE(28) !== pages) return undefined;
		const root = this.value<number>(
			"SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
		);
		if (!root) return undefined;
		const metaPage = file.subarray((root - 1) * pageSize, root * pageSize);
		if (metaPage.indexOf(lastSeqRecord(lastSeq)) === -1) return undefined;
		// Headroom, so that the next, slightly larger snapshot still fits a reused buffer.
		const target = into && into.byteLength >= size ? into : new Uint8Array(size + (size >> 3));
		const image = target.subarray(0, size);
		image.set(file.subarray(0, size));
		// As export() leaves them: a rollback-journal file, whatever journal this connection used.
		image[18] = 1;
		image[19] = 1;
		return image;
	}

	close(): void {
		for (const stmt of this.statements.values()) stmt.free();
		this.statements.clear();
		this.writing.clear();
		this.columns.clear();
		this.raw.close();
	}
}

/**
 * The bytes of meta's row ('last_seq', value) as SQLite stores it: a record header (its own
 * length, then the serial type of each text column, 13 + 2 × length) and the two texts.
 */
function lastSeqRecord(value: string): Buffer {
	const key = 'last_seq';
	if (value.length > 50) throw new Error('last_seq too long for a one-byte serial type');
	return Buffer.concat([
		Buffer.from([3, 13 + 2 * key.length, 13 + 2 * value.length]),
		Buffer.from(key + value, 'ascii')
	]);
}
