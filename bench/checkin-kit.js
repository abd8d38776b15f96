// What the check-in benches share (bench/checkin.bench.js, bench/checkin-compare.bench.js):
// a demo ward with 1M attendance rows, the built server started on it, 20 signed-in devices
// sending check-ins over loopback, and the bare node:http + append + fdatasync server they
// are compared with. Prints nothing of its own; never part of the pass/fail tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';

export const PORT = Number(process.env.BENCH_PORT ?? 4316);
export const BASE_PORT = PORT + 1;
export const CLIENTS = 20;
// BENCH_ROWS shortens a run while trying things; the figures are at 1M.
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
// The per-device check-in limit (240 at once, then 4 a second) would refuse this load by
// design; the limiter still runs on every request, only its threshold is raised.
export const BENCH_LIMIT = '100000/100000';
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

export const fmt = (x) => x.toFixed(1);

/**
 * The built server of the checkout at `cwd` (default: this one) on `port`, over `dataDir`.
 * BENCH_PROFILE=dir writes a V8 CPU profile of it there (open it in Chromium's DevTools);
 * BENCH_NODE_ARGS gives it more flags, e.g. "--log-deopt --logfile=/tmp/v8-%p.log" to see
 * whether V8 keeps throwing away its optimised code under the load (it does not: 26 deopts,
 * all in the first seconds, 2026-12-01).
 */
export function startServer(dataDir, { env = {}, cwd = process.cwd(), port = PORT } = {}) {
	const profile = process.env.BENCH_PROFILE
		? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
		: [];
	const extra = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
	return spawn(process.execPath, [...profile, ...extra, 'kiosk/server.js'], {
		cwd,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
}

export async function waitFor(url) {
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${url} did not answer`);
}

export const stopped = (child) =>
	new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));

const newestSnapshot = (dir) =>
	readdirSync(dir)
		.filter((f) => f.startsWith('snapshot-'))
		.sort()
		.at(-1);

/**
 * A demo ward, seeded by the build at `cwd`, then 1M attendance rows written straight into
 * its snapshot (fast, one SQL).
 */
export async function prepareStore(cwd = process.cwd()) {
	const dir = mkdtempSync(join(tmpdir(), 'ths-bench-'));
	const seeding = startServer(dir, { cwd });
	await waitFor(`http://127.0.0.1:${PORT}/api/health`);
	seeding.kill('SIGTERM');
	await stopped(seeding);
	const SQL = await initSqlJs();
	const name = newestSnapshot(dir);
	const db = new SQL.Database(readFileSync(join(dir, name)));
	const residents = Number(db.exec('SELECT count(*) FROM residents')[0].values[0][0]);
	const sessions = Math.ceil(ROWS / residents);
	const t0 = performance.now();
	db.exec('BEGIN');
	db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${sessions})
		INSERT INTO class_sessions (title, place, starts_at, closed_at)
		SELECT 'Bench ' || i, 'Nhà văn hoá khu phố 1', 1700000000000 + i * 86400000, 1700000000000 + i * 86400000 + 7200000 FROM n`);
	db.exec(`INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, nonce)
		SELECT s.id, r.id, h.neighborhood_id, s.starts_at + r.id, 'camera', 'bench-' || s.id || '-' || r.id
		FROM class_sessions s JOIN residents r JOIN households h ON h.id = r.household_id
		WHERE s.title LIKE 'Bench %' LIMIT ${ROWS}`);
	db.exec('COMMIT');
	const total = Number(db.exec('SELECT count(*) FROM attendance')[0].values[0][0]);
	writeFileSync(join(dir, name), db.export());
	db.close();
	console.log(
		`store: ${total.toLocaleString('en')} attendance rows (${Math.round(performance.now() - t0)} ms to generate)`
	);
	return dir;
}

/** The codes of the ward's valid cards, read from the store's snapshot. */
export async function cardCodes(dir) {
	const SQL = await initSqlJs();
	const db = new SQL.Database(readFileSync(join(dir, newestSnapshot(dir))));
	const codes = db
		.exec('SELECT code FROM cards WHERE revoked_at IS NULL')[0]
		.values.map((r) => String(r[0]));
	db.close();
	return codes;
}

export function post(port, path, body, cookie) {
	return new Promise((resolve, reject) => {
		const data = Buffer.from(JSON.stringify(body));
		const req = http.request(
			{
				host: '127.0.0.1',
				port,
				path,
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': data.length,
					...(cookie ? { cookie } : {})
				}
			},
			(res) => {
				let text = '';
				res.on('data', (c) => (text += c));
				res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
			}
		);
		req.on('error', reject);
		req.end(data);
	});
}

/** 20 devices: each signs in on its own (the 4 demo volunteers, 5 devices each). */
export async function signInDevices(port) {
	const cookies = [];
	for (let n = 0; n < CLIENTS; n++) {
		const login = await post(port, '/api/auth/login', {
			username: `tinhnguyen${(n % 4) + 1}`,
			secret: '246810'
		});
		cookies.push(login.headers['set-cookie'][0].split(';')[0]);
	}
	return cookies;
}

/** `perClient` new class sessions for each device: [device][k] → session id. */
export async function openSessions(port, cookie, label, perClient) {
	const out = [];
	for (let n = 0; n < CLIENTS; n++) {
		const mine = [];
		for (let k = 0; k < perClient; k++) {
			const res = await post(
				port,
				'/api/sessions',
				{ title: `Bench ${label} ${n}.${k}`, place: 'Nhà văn hoá khu phố 1' },
				cookie
			);
			mine.push(JSON.parse(res.text).id);
		}
		out.push(mine);
	}
	return out;
}

/**
 * Check-in requests for `load`: every one a new check-in. Each device checks everyone in to
 * a session of its own, then moves on to its next session, and counts its own check-ins
 * across rounds (`sent`), so a later round never repeats one.
 */
export function checkinRequests({ codes, cookies, sessions, label }) {
	const sent = new Array(CLIENTS).fill(0);
	return (n) => {
		const i = sent[n]++;
		return {
			path: '/api/checkins',
			cookie: cookies[n],
			body: {
				code: codes[i % codes.length],
				sessionId: sessions[n][Math.floor(i / codes.length) % sessions[n].length],
				nonce: `${label}-${n}-${i}-${Date.now()}`,
				source: 'scanner'
			}
		};
	};
}

/** 20 clients, each sending its next request as soon as the last is answered. */
export async function load(port, makeRequest, seconds) {
	const latencies = [];
	const statuses = {};
	const end = performance.now() + seconds * 1000;
	const client = async (n) => {
		for (let i = 0; performance.now() < end; i++) {
			const { path, body, cookie } = makeRequest(n, i);
			const t = performance.now();
			const res = await post(port, path, body, cookie);
			latencies.push(performance.now() - t);
			statuses[res.status] = (statuses[res.status] ?? 0) + 1;
		}
	};
	const start = performance.now();
	await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
	const took = (performance.now() - start) / 1000;
	latencies.sort((a, b) => a - b);
	const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
	return {
		rate: latencies.length / took,
		p50: q(0.5),
		p99: q(0.99),
		latencies,
		statuses
	};
}

const BASELINE = `
const http = require('node:http'); const fs = require('node:fs');
const fd = fs.openSync(process.argv[1], 'a'); let pending = []; let busy = false;
function flush() {
	if (busy || pending.length === 0) return; busy = true; const batch = pending; pending = [];
	fs.write(fd, Buffer.from(batch.map((b) => b.line).join('')), (e) => fs.fdatasync(fd, () => {
		for (const b of batch) { b.res.writeHead(201, { 'content-type': 'application/json' }); b.res.end('{"status":"ok"}'); }
		busy = false; flush();
	}));
}
http.createServer((req, res) => { let body = ''; req.on('data', (c) => (body += c));
	req.on('end', () => { pending.push({ line: body + '\\n', res }); flush(); }); }).listen(+process.argv[2], '127.0.0.1');`;

/**
 * The bare server (this machine's ceiling): node:http that appends each request to a file in
 * `dir` and fdatasyncs it, one batch in flight like ours. It gets the same load as ours, as
 * issue 4 asks: the same path, session cookie and body (`checkinRequests` with its own
 * label), which it only appends. Resolves once it answers, with its process and a request
 * maker for `load`.
 */
export async function startBare(dir, { codes, cookies, sessions }) {
	const child = spawn(
		process.execPath,
		['-e', BASELINE, join(dir, 'baseline.log'), String(BASE_PORT)],
		{ stdio: 'inherit' }
	);
	// Under load the bare server may take a while to listen: wait until it answers.
	for (let i = 0; i < 600; i++) {
		const up = await post(BASE_PORT, '/', { warm: true }).then(
			() => true,
			() => false
		);
		if (up) break;
		await new Promise((r) => setTimeout(r, 100));
	}
	return { child, requests: checkinRequests({ codes, cookies, sessions, label: 'bare' }) };
}

/**
 * CPU seconds a process has used, all threads, user + system (/proc, in clock ticks of
 * 1/100 s). Per request it moves far less than the throughput with the disk's speed (a
 * slower disk makes smaller batches, so a little more CPU per request), and it says where
 * the gap to the bare server is: in the work, not in the waiting.
 */
function cpuSeconds(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A load run that also reports the CPU the server spent per request. */
export async function measured(pid, port, makeRequest, seconds) {
	const before = cpuSeconds(pid);
	const clientBefore = process.cpuUsage();
	const result = await load(port, makeRequest, seconds);
	result.cpuPerRequest = ((cpuSeconds(pid) - before) * 1e6) / result.latencies.length;
	// The 20 devices share this one process and its one thread: when it is near a whole
	// core, the load generator (not the server) sets the pace.
	const client = process.cpuUsage(clientBefore);
	result.clientCpuPerRequest = (client.user + client.system) / result.latencies.length;
	result.clientBusy = (client.user + client.system) / 1e6 / seconds;
	return result;
}

/** Lets the process exit: the keep-alive sockets would hold it open. */
export const closeClients = () => agent.destroy();
