import {
	appendFileSync,
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Db } from './database';
import { Journal } from './journal';
import { migrate, MigrationMismatchError, shippedMigrations } from './migrations';
import { DiskFullError, RESTORED_MARKER, Store, StoreFolderError, type OpHandlers } from './store';
import { Snapshots } from './snapshots';

const handlers: OpHandlers = {
	'test.addPlace': (db, payload: { name: string }) =>
		db.run('INSERT INTO places (name) VALUES (?)', [payload.name]).lastId,
	'test.opId': (_db, _payload, ctx) => ctx.opId,
	'test.fail': () => {
		throw new Error('rejected on purpose');
	},
	'test.addThenFail': (db, payload: { name: string }) => {
		db.run('INSERT INTO places (name) VALUES (?)', [payload.name]);
		throw new Error('rejected after writing');
	}
};

const open: Store[] = [];
async function openStore(dir: string, extra: Partial<Parameters<typeof Store.open>[0]> = {}) {
	const store = await Store.open({ dir, handlers, log: () => {}, ...extra });
	open.push(store);
	return store;
}
const places = (store: Store) =>
	store.db.all<{ name: string }>('SELECT name FROM places ORDER BY id').map((r) => r.name);
const freshDir = () => mkdtempSync(join(tmpdir(), 'ths-store-'));

/**
 * 300 writes, 10 in each turn of the event loop, with a snapshot asked for at `snapshotTurn`;
 * resolves when all of them and the snapshot are done.
 */
async function writeStreamWithSnapshot(store: Store, snapshotTurn: number): Promise<void> {
	const writes: Promise<unknown>[] = [];
	let snapshot: Promise<void> | undefined;
	for (let turn = 0; turn < 30; turn++) {
		for (let i = 0; i < 10; i++) {
			writes.push(store.write('test.addPlace', { name: `lượt ${turn} — ${i}` }));
		}
		if (turn === snapshotTurn) snapshot = store.snapshot();
		await new Promise((done) => setImmediate(done));
	}
	await Promise.all([...writes, snapshot]);
}

afterEach(async () => {
	for (const store of open.splice(0)) await store.close().catch(() => {});
});

describe('migrations', () => {
	it('apply to an empty database and produce the whole data model', async () => {
		const db = await Db.create();
		expect(migrate(db)).toBe(shippedMigrations.length);
		const tables = db
			.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
			.map((r) => r.name);
		for (const table of [
			'attendance',
			'audit_log',
			'auth_sessions',
			'cards',
			'class_sessions',
			'consents',
			'coverage_definitions',
			'coverage_targets',
			'households',
			'milestones',
			'neighborhoods',
			'residents',
			'skills',
			'users'
		]) {
			expect(tables).toContain(table);
		}
		expect(db.value('SELECT count(*) FROM skills')).toBe(11);
		expect(db.value('SELECT count(*) FROM schema_migrations')).toBe(shippedMigrations.length);
		// A second run applies nothing.
		expect(migrate(db)).toBe(0);
	});

	it('give M9 Vietnamese quotes, unless the ward has retitled it', async () => {
		const m9 = (db: Db) => db.value<string>("SELECT title FROM skills WHERE code = 'M9'");
		const upTo0009 = shippedMigrations.filter((m) => m.version <= 9);
		const shipped = await Db.create();
		migrate(shipped, upTo0009);
		expect(m9(shipped)).toContain('"cúp máy');
		migrate(shipped);
		expect(m9(shipped)).toBe('Nhận diện 5 kiểu lừa đảo; biết “cúp máy – gọi lại – hỏi người thân”');
		const edited = await Db.create();
		migrate(edited, upTo0009);
		edited.run("UPDATE skills SET title = 'Nhận biết lừa đảo qua điện thoại' WHERE code = 'M9'");
		migrate(edited);
		expect(m9(edited)).toBe('Nhận biết lừa đảo qua điện thoại');
	});

	it('leave a class opened before 0011 with no opening time, so its scans stay unbounded', async () => {
		const db = await Db.create();
		migrate(
			db,
			shippedMigrations.filter((m) => m.version <= 10)
		);
		db.run(
			"INSERT INTO class_sessions (title, place, starts_at) VALUES ('Lớp cũ', 'Nhà văn hoá', 5)"
		);
		migrate(db);
		expect(db.get('SELECT starts_at, opened_at FROM class_sessions')).toEqual({
			starts_at: 5,
			opened_at: null
		});
	});

	it('refuse a database whose applied list is not a prefix of the shipped list', async () => {
		const db = await Db.create();
		migrate(db);
		db.run("UPDATE schema_migrations SET name = 'something_else' WHERE version = 1");
		expect(() => migrate(db)).toThrow(MigrationMismatchError);
	});

	it('refuse a store written by a newer build', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		await store.close();
		await expect(openStore(dir, { migrations: shippedMigrations.slice(0, 1) })).rejects.toThrow(
			/not shipped by this build/
		);
	});
});

describe('the store', () => {
	it('acknowledges a write only with its result, and keeps it across a restart', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		const id = await store.write<number>('test.addPlace', { name: 'Nhà văn hoá khu 1' });
		expect(id).toBeGreaterThan(0);
		await store.close();
		const again = await openStore(dir);
		expect(places(again)).toEqual(['Nhà văn hoá khu 1']);
	});

	it('recovers from the journal alone after a crash (no final snapshot)', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		await Promise.all(['A', 'B', 'C'].map((name) => store.write('test.addPlace', { name })));
		// Simulate kill -9: drop the object without close(); the journal is all there is.
		open.splice(open.indexOf(store), 1);
		const again = await openStore(dir);
		expect(places(again).sort()).toEqual(['A', 'B', 'C']);
	});

	it('changes nothing when the same op is applied twice', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		await store.write('test.addPlace', { name: 'Một lần' });
		const entry = {
			seq: store.stats().lastSeq,
			id: 'x',
			type: 'test.addPlace',
			at: 0,
			actor: null,
			payload: { name: 'Một lần' }
		};
		expect(store.applyEntry(entry, true).applied).toBe(false);
		expect(places(store)).toEqual(['Một lần']);
	});

	it('rolls back an op whose handler throws, and keeps taking writes', async () => {
		const store = await openStore(freshDir());
		await expect(store.write('test.fail', {})).rejects.toThrow('rejected on purpose');
		await store.write('test.addPlace', { name: 'Sau lỗi' });
		expect(places(store)).toEqual(['Sau lỗi']);
	});

	it('hands out watched values as the last applied batch left them, before its writer hears back', async () => {
		const dir = freshDir();
		const watch = { places: 'SELECT count(*) FROM places' };
		const store = await openStore(dir, { watch });
		expect(store.watched('places')).toBe(0);
		const seen = await store
			.write('test.addPlace', { name: 'một' })
			.then(() => store.watched('places'));
		expect(seen).toBe(1);
		await Promise.all(['hai', 'ba'].map((name) => store.write('test.addPlace', { name })));
		expect(store.watched('places')).toBe(3);
		expect(() => store.watched('people')).toThrow('not watched');
		await store.close();
		open.splice(open.indexOf(store), 1);
		// Read again at start, journal replayed or not.
		expect((await openStore(dir, { watch })).watched('places')).toBe(3);
	});

	it('drops a torn last journal line and recovers everything before it', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		for (const name of ['một', 'hai', 'ba']) await store.write('test.addPlace', { name });
		open.splice(open.indexOf(store), 1);
		const segment = readdirSync(dir)
			.filter((f) => f.startsWith('journal-'))
			.sort()
			.at(-1)!;
		// Half a line, as a power cut in the middle of a write leaves it.
		appendFileSync(join(dir, segment), '1a2b3c4d {"seq":99,"id":"x","type":"test.addPl');
		const again = await openStore(dir);
		expect(places(again)).toEqual(['một', 'hai', 'ba']);
		await again.write('test.addPlace', { name: 'bốn' });
		await again.close();
		expect(places(await openStore(dir))).toEqual(['một', 'hai', 'ba', 'bốn']);
	});

	it('falls back to the older snapshot plus the journal when the newest is corrupt', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		await store.write('test.addPlace', { name: 'trước' });
		await store.snapshot();
		await store.write('test.addPlace', { name: 'giữa' });
		await store.snapshot();
		await store.write('test.addPlace', { name: 'sau' });
		open.splice(open.indexOf(store), 1);
		const snapshots = readdirSync(dir)
			.filter((f) => f.startsWith('snapshot-'))
			.sort();
		expect(snapshots).toHaveLength(2);
		const newest = join(dir, snapshots[1]);
		const bytes = readFileSync(newest);
		bytes.fill(0x5a, 100, Math.min(bytes.length, 8000));
		writeFileSync(newest, bytes);
		const again = await openStore(dir);
		expect(places(again)).toEqual(['trước', 'giữa', 'sau']);
	});

	it('still opens a good snapshot whose checksum file is stale or missing (after a restore)', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		await store.write('test.addPlace', { name: 'khôi phục' });
		await store.close();
		const sums = readdirSync(dir).filter((f) => f.startsWith('checksum-'));
		expect(sums.length).toBeGreaterThan(0);
		writeFileSync(join(dir, sums.sort().at(-1)!), 'deadbeef');
		expect(places(await openStore(dir))).toEqual(['khôi phục']);
	});

	it('numbers ops in a new epoch after a restore, so no op id given out before is used again', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		const first = await store.write<string>('test.opId', {});
		const [site] = first.split(':');
		expect(first).toBe(`${site}:1:1`);
		// The backup: the folder as a crash would leave it (snapshot + journal), taken here.
		const backup = freshDir();
		cpSync(dir, backup, { recursive: true });
		// Work after the backup, lost with the old store.
		const lost = [await store.write<string>('test.opId', {}), await store.write('test.opId', {})];
		expect(lost).toEqual([`${site}:1:2`, `${site}:1:3`]);
		await store.close();

		writeFileSync(join(backup, RESTORED_MARKER), 'tram-hoc-so-20261201-023000\n');
		const restored = await openStore(backup);
		const next = await restored.write<string>('test.opId', {});
		expect(next).toBe(`${site}:2:2`);
		expect(lost).not.toContain(next);
		expect(restored.stats().epoch).toBe(2);
		expect(existsSync(join(backup, RESTORED_MARKER))).toBe(false);

		// The epoch is kept (not bumped again) by the next ordinary start, crash or not.
		open.splice(open.indexOf(restored), 1);
		const later = await openStore(backup);
		expect(later.stats().epoch).toBe(2);
		expect(await later.write<string>('test.opId', {})).toBe(`${site}:2:3`);
	});

	it('keeps foreign keys on after a snapshot (export keeps the connection settings)', async () => {
		const store = await openStore(freshDir());
		await store.snapshot();
		expect(store.db.value('PRAGMA foreign_keys')).toBe(1);
		expect(() =>
			store.db.run(
				"INSERT INTO households (neighborhood_id, address, head_name, created_at) VALUES (999, 'x', 'y', 0)"
			)
		).toThrow(/FOREIGN KEY/);
	});

	it('refuses every further write once the disk refuses a journal write', async () => {
		const store = await openStore(freshDir());
		await store.write('test.addPlace', { name: 'trước' });
		// The journal's file goes away under the store, as a failing disk would.
		(store as unknown as { journal: { closeSegment(): void } }).journal.closeSegment();
		await expect(store.write('test.addPlace', { name: 'mất' })).rejects.toThrow();
		expect(store.stats().refusingWrites).toBe(true);
		await expect(store.write('test.addPlace', { name: 'sau' })).rejects.toThrow();
		expect(places(store)).toEqual(['trước']);
	});

	it('acknowledges a batch only once the disk has it, and keeps nothing of one the disk refuses', async () => {
		const store = await openStore(freshDir());
		// The batch is written, but the disk's answer comes only when the test gives it.
		type Done = (error: Error | null) => void;
		const journal = (store as unknown as { journal: Journal }).journal;
		const append = journal.append.bind(journal);
		const held: Done[] = [];
		journal.append = (entries, inline, done) => append(entries, inline, () => held.push(done));
		const heard: string[] = [];
		const write = (name: string) =>
			store.write<number>('test.addPlace', { name }).then(
				() => heard.push(`${name} ✓`),
				() => heard.push(`${name} ✗`)
			);
		const kept = [write('một'), write('hai')];
		await vi.waitFor(() => expect(held).toHaveLength(1));
		await new Promise((done) => setTimeout(done, 20));
		expect(heard).toEqual([]);
		held.shift()!(null);
		await Promise.all(kept);
		expect(heard).toEqual(['một ✓', 'hai ✓']);

		const lost = [write('ba'), write('bốn')];
		await vi.waitFor(() => expect(held).toHaveLength(1));
		await new Promise((done) => setTimeout(done, 20));
		expect(heard).toHaveLength(2);
		// The disk fails this batch (as a full or failing disk would).
		held.shift()!(new Error('EIO'));
		await Promise.all(lost);
		expect(heard).toEqual(['một ✓', 'hai ✓', 'ba ✗', 'bốn ✗']);
		expect(places(store)).toEqual(['một', 'hai']);
		expect(store.stats().refusingWrites).toBe(true);
	});

	it('shares one fsync among writes that arrive together (group commit)', async () => {
		const store = await openStore(freshDir());
		const names = Array.from({ length: 50 }, (_, i) => `nơi ${i}`);
		await Promise.all(names.map((name) => store.write('test.addPlace', { name })));
		expect(places(store)).toHaveLength(50);
		expect(store.stats().journalOps).toBe(50);
		expect(store.stats().journalSyncs).toBeLessThan(10);
	});

	it('undoes only the op that throws when it shares a batch with others', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		const results = await Promise.allSettled([
			store.write('test.addPlace', { name: 'trước' }),
			store.write('test.addThenFail', { name: 'không được giữ' }),
			store.write('test.addPlace', { name: 'sau' })
		]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(places(store)).toEqual(['trước', 'sau']);
		// Replay from the journal alone gives the same database.
		await store.close();
		for (const name of readdirSync(dir).filter((f) => f.startsWith('snapshot-'))) {
			if (!name.endsWith('000000000000.sqlite')) writeFileSync(join(dir, name), 'hỏng');
		}
		expect(places(await openStore(dir))).toEqual(['trước', 'sau']);
	});

	it('answers the other ops of a batch with their own rows when one writes and then throws', async () => {
		const store = await openStore(freshDir());
		const [before, failed, after] = await Promise.allSettled([
			store.write<number>('test.addPlace', { name: 'đầu' }),
			store.write('test.addThenFail', { name: 'bỏ' }),
			store.write<number>('test.addPlace', { name: 'cuối' })
		]);
		expect(failed.status).toBe('rejected');
		// The batch was undone and applied again op by op: the ids answered are still the rows'.
		const id = (name: string) => store.db.value('SELECT id FROM places WHERE name = ?', [name]);
		expect(before).toEqual({ status: 'fulfilled', value: id('đầu') });
		expect(after).toEqual({ status: 'fulfilled', value: id('cuối') });
		expect(places(store)).toEqual(['đầu', 'cuối']);
	});

	it('takes writes that arrive while a batch is syncing into the next batch, in order', async () => {
		const store = await openStore(freshDir());
		const first = Array.from({ length: 20 }, (_, i) =>
			store.write<number>('test.addPlace', { name: `đợt 1 — ${i}` })
		);
		// Queued on the next turns, while the first batch is still on its way to the disk.
		const second: Promise<number>[] = [];
		await new Promise<void>((done) =>
			setImmediate(() => {
				for (let i = 0; i < 20; i++) {
					second.push(store.write<number>('test.addPlace', { name: `đợt 2 — ${i}` }));
				}
				done();
			})
		);
		const ids = await Promise.all([...first, ...second]);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		expect(places(store)).toHaveLength(40);
		expect(store.stats().journalSyncs).toBeGreaterThanOrEqual(2);
	});

	it('waits for writes still on their way to the disk before closing', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		const pending = Array.from({ length: 30 }, (_, i) =>
			store.write('test.addPlace', { name: `nơi ${i}` })
		);
		await store.close();
		await Promise.all(pending);
		expect(places(await openStore(dir))).toHaveLength(30);
	});

	it('takes a snapshot under a steady stream of writes that holds exactly the ops it names', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		await writeStreamWithSnapshot(store, 10);
		const newest = readdirSync(dir)
			.filter((f) => f.startsWith('snapshot-') && f.endsWith('.sqlite'))
			.sort()
			.at(-1)!;
		const seq = Number(/snapshot-(\d+)/.exec(newest)![1]);
		expect(seq).toBeGreaterThan(0);
		expect(seq).toBeLessThan(300);
		const db = await Db.create(readFileSync(join(dir, newest)));
		expect(db.value('SELECT count(*) FROM places')).toBe(seq);
		expect(db.value("SELECT value FROM meta WHERE key = 'last_seq'")).toBe(String(seq));
		db.close();
	});

	it('applies batches in journal order when a lone write comes while a lone one syncs', async () => {
		const store = await openStore(freshDir());
		const add = (name: string) => store.write<number>('test.addPlace', { name });
		// Writes one at a time, so that the store takes them to be alone (inline syncs), then
		// one more while the last of them syncs: it must wait for that one to be applied, and
		// each answer must be its own op's, in order.
		const ids: number[] = [];
		for (const name of ['một', 'hai', 'ba']) ids.push(await add(name));
		const fourth = add('bốn');
		let fifth: Promise<number> | undefined;
		setImmediate(() => (fifth = add('năm')));
		ids.push(await fourth, await fifth!, await add('sáu'));
		expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
		expect(places(store)).toEqual(['một', 'hai', 'ba', 'bốn', 'năm', 'sáu']);
	});
});

describe('when the disk fills up or refuses a file', () => {
	const full = () =>
		Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
	const newestSegment = (dir: string) =>
		join(
			dir,
			readdirSync(dir)
				.filter((f) => f.startsWith('journal-'))
				.sort()
				.at(-1)!
		);
	/** The journal as a full disk answers it: part of the batch reaches the file, then ENOSPC. */
	function fillDisk(store: Store, dir: string): () => void {
		const journal = (store as unknown as { journal: Journal }).journal;
		const append = journal.append;
		journal.append = (_entries, inline, done) => {
			appendFileSync(newestSegment(dir), '0badf00d {"seq":2,"id":"torn","type":"test.ad');
			if (inline) return done(full());
			setImmediate(() => done(full()));
		};
		return () => (journal.append = append);
	}

	it('refuses writes while the disk is full, takes them again once space is freed, and loses none acknowledged', async () => {
		const dir = freshDir();
		const logged: string[] = [];
		const store = await openStore(dir, { log: (line) => logged.push(line) });
		const before = await store.write<string>('test.opId', {});
		const freeSpace = fillDisk(store, dir);
		const refused = await Promise.allSettled([
			store.write('test.addPlace', { name: 'đầy 1' }),
			store.write('test.addPlace', { name: 'đầy 2' })
		]);
		expect(refused.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(DiskFullError);
		await expect(store.write('test.addPlace', { name: 'đầy 3' })).rejects.toBeInstanceOf(
			DiskFullError
		);
		expect(store.stats()).toMatchObject({ refusingWrites: true, diskFull: true });
		expect(places(store)).toEqual([]);
		// One line in the log for the whole time it is full, not one per refused write.
		expect(logged.filter((line) => line.includes('disk is full'))).toHaveLength(1);

		freeSpace();
		await store.write('test.addPlace', { name: 'sau' });
		const after = await store.write<string>('test.opId', {});
		expect(store.stats()).toMatchObject({ refusingWrites: false, diskFull: false });
		// The refused writes' numbers are given again: no gap, no number used twice.
		const seqOf = (id: string) => Number(id.split(':')[2]);
		expect(seqOf(after)).toBe(seqOf(before) + 2);
		expect(places(store)).toEqual(['sau']);
		// A crash now: the journal alone rebuilds exactly what was acknowledged.
		open.splice(open.indexOf(store), 1);
		const again = await openStore(dir);
		expect(places(again)).toEqual(['sau']);
		expect(again.stats().lastSeq).toBe(seqOf(after));
	});

	it('keeps running without the snapshot when the disk refuses a new journal segment', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		await store.write('test.addPlace', { name: 'một' });
		const journal = (store as unknown as { journal: Journal }).journal;
		const rotate = journal.rotate;
		journal.rotate = () => {
			throw full();
		};
		await store.snapshot();
		expect(store.stats().snapshotError).toMatch(/ENOSPC/);
		await store.write('test.addPlace', { name: 'hai' });
		journal.rotate = rotate;
		open.splice(open.indexOf(store), 1);
		expect(places(await openStore(dir))).toEqual(['một', 'hai']);
	});

	it('closes, and keeps every op in the journal, when the final snapshot is refused', async () => {
		const dir = freshDir();
		const logged: string[] = [];
		const store = await openStore(dir, { log: (line) => logged.push(line) });
		await store.write('test.addPlace', { name: 'một' });
		const snapshots = (store as unknown as { snapshots: Snapshots }).snapshots;
		snapshots.write = () => Promise.reject(full());
		await store.close();
		expect(logged.join('\n')).toMatch(/final snapshot failed .*ENOSPC/);
		expect(places(await openStore(dir))).toEqual(['một']);
	});

	it('removes what a crash in the middle of a snapshot left, and checksums without a snapshot', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		await store.write('test.addPlace', { name: 'một' });
		await store.close();
		const leftovers = [
			'snapshot-000000000099.sqlite.tmp',
			'checksum-000000000099.crc32.tmp',
			'checksum-000000000099.crc32'
		];
		for (const name of leftovers) writeFileSync(join(dir, name), 'x'.repeat(1000));
		const kept = readdirSync(dir).filter((name) => !leftovers.includes(name));
		expect(places(await openStore(dir))).toEqual(['một']);
		expect(readdirSync(dir).filter((name) => leftovers.includes(name))).toEqual([]);
		expect(readdirSync(dir).filter((name) => kept.includes(name))).toEqual(kept);
	});
});

describe('a data folder the server may not use', () => {
	const refused = (code: string, path: string) =>
		Object.assign(new Error(`${code}: refused, open '${path}'`), { code, path, syscall: 'open' });
	afterEach(() => vi.restoreAllMocks());

	it('stops the start with one line saying what is wrong and what to do', async () => {
		const dir = freshDir();
		await (await openStore(dir)).close();
		for (const [code, advice] of [
			['EACCES', /may not use it\. Give that user the folder .*chown -R/],
			['EROFS', /read-only .*remount it read-write/],
			['ENOSPC', /disk is full\. Free space/]
		] as const) {
			const logged: string[] = [];
			vi.spyOn(Journal.prototype, 'openSegment').mockImplementation(() => {
				throw refused(code, join(dir, 'journal-000000000002.log'));
			});
			const opening = Store.open({ dir, handlers, log: (line) => logged.push(line) });
			await expect(opening).rejects.toBeInstanceOf(StoreFolderError);
			await expect(opening).rejects.toThrow(advice);
			expect(logged.at(-1)).toMatch(
				new RegExp(
					`^store: cannot open .*journal-000000000002\\.log in the data folder .* \\(${code}\\)`
				)
			);
			vi.restoreAllMocks();
		}
		expect(places(await openStore(dir))).toEqual([]);
	});

	it('does not take a snapshot it may not read for a damaged one and start from an older', async () => {
		const dir = freshDir();
		const store = await openStore(dir);
		await store.write('test.addPlace', { name: 'một' });
		await store.snapshot();
		await store.write('test.addPlace', { name: 'hai' });
		await store.close();
		const read = Snapshots.prototype.read;
		vi.spyOn(Snapshots.prototype, 'read').mockImplementation(function (this: Snapshots, file) {
			if (file.seq === this.list()[0].seq) throw refused('EACCES', file.path);
			return read.call(this, file);
		});
		const outcome = await Store.open({ dir, handlers, log: () => {} }).then(
			(store) => {
				open.push(store);
				return `opened with ${places(store).join(', ')}`;
			},
			(error) => String(error)
		);
		expect(outcome).toMatch(/EACCES.*may not use it/);
		vi.restoreAllMocks();
		expect(places(await openStore(dir))).toEqual(['một', 'hai']);
	});
});

describe('snapshots copied out of the buffer sql.js keeps the file in', () => {
	/** export() bumps the change counter (bytes 24–27) and its copy at 92–95; nothing else differs. */
	const expectSameDatabase = (image: Uint8Array, exported: Uint8Array) => {
		expect(image.length).toBe(exported.length);
		const differing: number[] = [];
		for (let i = 0; i < image.length; i++) if (image[i] !== exported[i]) differing.push(i);
		expect(differing.filter((i) => !(i >= 24 && i < 28) && !(i >= 92 && i < 96))).toEqual([]);
	};

	it('are the bytes export() gives, and reopen to the same data', async () => {
		const dir = freshDir();
		const first = await openStore(dir);
		for (const name of ['một', 'hai']) await first.write('test.addPlace', { name });
		await first.close();
		// Reopened from its snapshot, the database lives in a buffer with room to grow.
		const store = await openStore(dir);
		await Promise.all(
			Array.from({ length: 300 }, (_, i) => store.write('test.addPlace', { name: `nơi ${i}` }))
		);
		const image = store.db.image(String(store.stats().lastSeq));
		expect(image).toBeDefined();
		expectSameDatabase(image!, store.db.export());

		const exported = vi.spyOn(store.db, 'export');
		await store.write('test.addPlace', { name: 'cuối' });
		await store.snapshot();
		expect(exported).not.toHaveBeenCalled();
		await store.close();
		const again = await openStore(dir);
		expect(places(again)).toHaveLength(303);
		expect(places(again).at(-1)).toBe('cuối');
		expect(again.db.quickCheck()).toBe(true);
	});

	it('go into memory prepared off the event loop while writes go on, kept for the next one', async () => {
		const dir = freshDir();
		const first = await openStore(dir);
		await first.write('test.addPlace', { name: 'một' });
		await first.close();
		const store = await openStore(dir);
		const prepared = vi.spyOn(
			(store as unknown as { snapshots: { prepare: (size: number) => Promise<Uint8Array> } })
				.snapshots,
			'prepare'
		);
		await writeStreamWithSnapshot(store, 5);
		// The next snapshot reuses the memory.
		for (let i = 0; i < 10; i++) await store.write('test.addPlace', { name: `sau ${i}` });
		await store.snapshot();
		expect(prepared).toHaveBeenCalledTimes(1);

		const [newest, older] = readdirSync(dir)
			.filter((f) => f.startsWith('snapshot-') && f.endsWith('.sqlite'))
			.sort()
			.reverse();
		const seq = (name: string) => Number(/snapshot-(\d+)/.exec(name)![1]);
		// The first holds exactly the ops it names (those applied when its memory came), the
		// second all 311.
		expect(seq(older)).toBeGreaterThan(6);
		expect(seq(older)).toBeLessThanOrEqual(301);
		expect(seq(newest)).toBe(311);
		for (const name of [older, newest]) {
			const db = await Db.create(readFileSync(join(dir, name)));
			expect(db.value('SELECT count(*) FROM places')).toBe(seq(name));
			db.close();
		}
		await store.close();
	});

	it('are not taken when the buffer may no longer hold the file', async () => {
		const seeded = await Db.create();
		migrate(seeded);
		seeded.run("INSERT INTO meta (key, value) VALUES ('last_seq', '7')");
		// No buffer of our own: nothing to copy from.
		expect(seeded.image('7')).toBeUndefined();

		// A buffer exactly the file's size: the file moves out of it as soon as it grows.
		const db = await Db.create(Buffer.from(seeded.export()));
		seeded.close();
		expect(db.image('7')).toBeDefined();
		// A last_seq that this buffer never held.
		expect(db.image('8')).toBeUndefined();
		db.transaction(() => {
			for (let i = 0; i < 2000; i++) {
				db.run('INSERT INTO places (name) VALUES (?)', [`Nhà văn hoá số ${i}`]);
			}
			db.run("UPDATE meta SET value = '8' WHERE key = 'last_seq'");
		});
		expect(db.image('8')).toBeUndefined();
		db.close();
	});
});
