// npm run bench:store — what the durable sql.js store costs at 10k, 100k and 1M attendance
// rows, beside better-sqlite3 12 (WAL, synchronous=FULL) doing the same single writes.
// Each size runs in a child process so RSS is its own. Prints a table; never part of CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStoreKit } from './build-kit.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const WRITES = Number(process.env.BENCH_WRITES ?? 2000);
const here = fileURLToPath(import.meta.url);

const quantile = (values, q) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (ns) => Number(ns) / 1e6;
const mb = (bytes) => bytes / 1024 / 1024;

/** Fills a fresh store in its own process, so its memory is not counted below. */
async function fill(kitPath, dir, rows) {
	const kit = await import(kitPath);
	const store = await kit.Store.open({ dir, handlers: kit.benchHandlers, log: () => {} });
	await store.write('bench.fill', { rows });
	await store.close();
}

async function measure(kitPath, dir, rows) {
	const kit = await import(kitPath);
	const open = () => kit.Store.open({ dir, handlers: kit.benchHandlers, log: () => {} });
	let store;
	const snapshotFile = readdirSync(dir)
		.filter((f) => f.startsWith('snapshot-'))
		.sort()
		.at(-1);
	const snapshotBytes = statSync(join(dir, snapshotFile)).size;

	// Start with nothing to replay: load the snapshot, quick_check, migrate.
	let t = process.hrtime.bigint();
	store = await open();
	const startMs = ms(process.hrtime.bigint() - t);
	global.gc?.();
	const rssMb = mb(process.memoryUsage().rss);

	// Acknowledged single writes, one at a time (each waits for its fsync), interleaved in
	// rounds of 50 with better-sqlite3's so both see the same disk and the same neighbours.
	const reference = referenceStore(kit, dir, rows);
	const latencies = [];
	const sessions = Math.ceil(rows / kit.PER_SESSION) + 2;
	for (let i = 0; i < WRITES; i++) {
		if (i % 50 === 0) reference.writes(i, 50);
		const op = { sessionId: sessions, residentId: i + 1, nonce: `bench-${i}-${Math.random()}` };
		const t0 = process.hrtime.bigint();
		await store.write('bench.checkin', op);
		latencies.push(ms(process.hrtime.bigint() - t0));
	}
	reference.close();
	const batchesBefore = store.stats().journalSyncs;

	t = process.hrtime.bigint();
	await store.snapshot();
	const snapshotMs = ms(process.hrtime.bigint() - t);

	// Crash after more writes (no close): start = load + replay of the journal + snapshot.
	for (let i = 0; i < WRITES; i++) {
		await store.write('bench.checkin', {
			sessionId: sessions - 1,
			residentId: i + 1,
			nonce: `crash-${i}-${Math.random()}`
		});
	}
	t = process.hrtime.bigint();
	const recovered = await open();
	const startReplayMs = ms(process.hrtime.bigint() - t);
	await recovered.close();
	global.gc?.();
	const peakRssMb = mb(process.resourceUsage().maxRSS * 1024);

	rmSync(dir, { recursive: true, force: true });
	return {
		rows,
		p50: quantile(latencies, 0.5),
		p99: quantile(latencies, 0.99),
		syncs: batchesBefore,
		snapshotMs,
		snapshotMb: mb(snapshotBytes),
		startMs,
		startReplayMs,
		rssMb,
		peakRssMb,
		bsqP50: quantile(reference.latencies, 0.5),
		bsqP99: quantile(reference.latencies, 0.99)
	};
}

async function measureBetterSqliteImport() {
	return (await import('better-sqlite3')).default;
}

let Database;
/** better-sqlite3 12 on a file, WAL, synchronous=FULL, with the same schema and rows. */
function referenceStore(kit, dir, rows) {
	const db = new Database(join(dir, 'reference.db'));
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	db.function('vi_fold', (s) => s);
	for (const m of kit.shippedMigrations) db.exec(m.sql);
	db.exec(`INSERT INTO neighborhoods (id, name) VALUES (1, 'Khu phố 1');
		INSERT INTO households (id, neighborhood_id, address, head_name, created_at) VALUES (1, 1, 'x', 'y', 0);`);
	const resident = db.prepare(
		"INSERT INTO residents (id, household_id, full_name, name_folded, birth_year, created_at) VALUES (?, 1, 'A', 'a', 1950, 0)"
	);
	const session = db.prepare(
		"INSERT INTO class_sessions (id, title, place, starts_at) VALUES (?, 'Lớp', 'Nhà văn hoá', 0)"
	);
	const attend = db.prepare(
		"INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, nonce) VALUES (?, ?, 1, ?, 'camera', ?)"
	);
	const sessions = Math.ceil(rows / kit.PER_SESSION) + 1;
	db.transaction(() => {
		for (let r = 1; r <= 30_000; r++) resident.run(r);
		for (let s = 1; s <= sessions; s++) session.run(s);
		for (let i = 0; i < rows; i++) {
			attend.run(
				Math.floor(i / kit.PER_SESSION) + 1,
				(i % 30_000) + 1,
				i,
				`fill-${i}-${Math.random()}`
			);
		}
	})();
	const latencies = [];
	return {
		latencies,
		writes(from, count) {
			for (let i = from; i < from + count; i++) {
				const t0 = process.hrtime.bigint();
				attend.run(sessions, i + 1, Date.now(), `ref-${i}-${Math.random()}`);
				latencies.push(ms(process.hrtime.bigint() - t0));
			}
		},
		close: () => db.close()
	};
}

if (process.argv[2] === '--fill') {
	await fill(process.argv[5], process.argv[4], Number(process.argv[3]));
} else if (process.argv[2] === '--child') {
	Database = await measureBetterSqliteImport();
	const result = await measure(process.argv[5], process.argv[4], Number(process.argv[3]));
	console.log(JSON.stringify(result));
} else {
	const kitPath = await buildStoreKit();
	const results = [];
	for (const rows of SIZES) {
		process.stderr.write(`measuring ${rows} attendance rows…\n`);
		const dir = mkdtempSync(join(tmpdir(), 'ths-bench-'));
		const filled = spawnSync(process.execPath, [here, '--fill', String(rows), dir, kitPath], {
			stdio: 'inherit'
		});
		if (filled.status !== 0) process.exit(filled.status ?? 1);
		const child = spawnSync(
			process.execPath,
			['--expose-gc', here, '--child', String(rows), dir, kitPath],
			{
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'inherit'],
				maxBuffer: 1 << 20
			}
		);
		if (child.status !== 0) process.exit(child.status ?? 1);
		results.push(JSON.parse(child.stdout.trim().split('\n').at(-1)));
	}
	const f = (n, d = 2) => n.toFixed(d);
	console.log(
		'\n| attendance rows | write p50 / p99 (ms) | better-sqlite3 p50 / p99 (ms) | p99 ratio | snapshot (ms) | snapshot size (MB) | start (ms) | start + replay 2k ops (ms) | RSS after start / peak incl. snapshot (MB) |'
	);
	console.log('|---|---|---|---|---|---|---|---|---|');
	for (const r of results) {
		console.log(
			`| ${r.rows.toLocaleString('en')} | ${f(r.p50, 3)} / ${f(r.p99, 3)} | ${f(r.bsqP50, 3)} / ${f(r.bsqP99, 3)} | ${f(r.p99 / r.bsqP99)} | ${f(r.snapshotMs, 0)} | ${f(r.snapshotMb, 1)} | ${f(r.startMs, 0)} | ${f(r.startReplayMs, 0)} | ${f(r.rssMb, 0)} / ${f(r.peakRssMb, 0)} |`
		);
	}
	const first = results[0];
	const last = results.at(-1);
	console.log(
		`\nflatness: p99 at ${last.rows} / p99 at ${first.rows} = ${f(last.p99 / first.p99)} (target ≤ 1.5)`
	);
	console.log('targets: p99 ≤ 2× better-sqlite3; start at 1M ≤ 3000 ms; RSS at 1M ≤ 400 MB');
}
