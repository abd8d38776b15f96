// npm run bench:checkin:compare -- <checkout> <checkout> … — the check-in load of
// checkin.bench.js against several builds of the server at once, to tell whether a change
// made check-ins faster. Each checkout (a directory holding a build, e.g. a `git worktree`
// with `npm run build` done; "." is this one) gets a copy of the same 1M-row store and its own
// port. They take turns in short rounds, in alternating order, with the bare server measured
// before and after each round.
//
// Why: this machine is shared, and its speed moves by ±30% from minute to minute. Two runs of
// `npm run bench:checkin` minutes apart differ more than most changes do; rounds a few seconds
// apart, many times over, do not. Prints figures; never part of the pass/fail tests.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import {
	BASE_PORT,
	BENCH_LIMIT,
	cardCodes,
	checkinRequests,
	closeClients,
	fmt,
	load,
	measured,
	openSessions,
	PORT,
	prepareStore,
	signInDevices,
	startBare,
	startServer,
	stopped,
	waitFor
} from './checkin-kit.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 4);

const checkouts = process.argv.slice(2).map((dir) => resolve(dir));
if (checkouts.length === 0) {
	console.error('Usage: npm run bench:checkin:compare -- <checkout> <checkout> …');
	process.exit(1);
}
for (const dir of checkouts) {
	if (!existsSync(resolve(dir, 'build/handler.js'))) {
		console.error(`No build in ${dir}: run npm run build there first.`);
		process.exit(1);
	}
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

// Seeded by the first build; the others open copies of its store and migrate them if they are
// newer (an older build refuses a newer store: list the oldest first).
const dir = await prepareStore(checkouts[0]);
const servers = [];
try {
	const codes = await cardCodes(dir);
	for (const [i, checkout] of checkouts.entries()) {
		const data = `${dir}-${i}`;
		cpSync(dir, data, { recursive: true });
		const port = PORT + 10 + i;
		const child = startServer(data, { env: { CHECKIN_LIMIT: BENCH_LIMIT }, cwd: checkout, port });
		servers.push({ checkout, data, port, child, rates: [], cpu: [], ratios: [] });
		await waitFor(`http://127.0.0.1:${port}/api/health`);
	}
	for (const server of servers) {
		const cookies = await signInDevices(server.port);
		// 30 sessions a device: every check-in stays a new one over 8 rounds at 10k/s.
		const sessions = await openSessions(server.port, cookies[0], 'compare', 30);
		Object.assign(server, { cookies, sessions });
		server.requests = checkinRequests({ codes, cookies, sessions, label: 'compare' });
		// Warm up (not counted), as checkin.bench.js does.
		await load(server.port, server.requests, 3);
	}
	const base = await startBare(dir, {
		codes,
		cookies: servers[0].cookies,
		sessions: servers[0].sessions
	});
	try {
		await load(BASE_PORT, base.requests, 2);
		for (let r = 0; r < ROUNDS; r++) {
			const order = r % 2 === 0 ? servers : [...servers].reverse();
			const before = await measured(base.child.pid, BASE_PORT, base.requests, SECONDS / 2);
			for (const server of order) {
				server.round = await measured(server.child.pid, server.port, server.requests, SECONDS);
				const statuses = Object.keys(server.round.statuses);
				if (statuses.join() !== '201') {
					console.log(`WARNING: ${server.checkout} answered ${statuses.join(', ')}, not only 201`);
				}
			}
			const after = await measured(base.child.pid, BASE_PORT, base.requests, SECONDS / 2);
			const bare = (before.rate + after.rate) / 2;
			for (const server of servers) {
				server.rates.push(server.round.rate);
				server.cpu.push(server.round.cpuPerRequest);
				server.ratios.push(server.round.rate / bare);
			}
			const line = order.map(
				(s) => `${s.checkout}: ${fmt(s.round.rate)}/s (${fmt(s.round.cpuPerRequest)} µs CPU)`
			);
			console.log(`round ${r + 1}: bare ${fmt(bare)}/s | ${line.join(' | ')}`);
		}
	} finally {
		base.child.kill();
	}
	for (const server of servers) {
		console.log(
			`${server.checkout}: check-ins/s median ${fmt(median(server.rates))}, CPU per request median ${fmt(median(server.cpu))} µs, ratio to bare median ${median(server.ratios).toFixed(2)} (rounds ${server.ratios.map((x) => x.toFixed(2)).join(', ')})`
		);
	}
	const [first, ...others] = servers;
	for (const other of others) {
		const faster = other.rates.filter((rate, r) => rate > first.rates[r]).length;
		console.log(`${other.checkout} faster than ${first.checkout} in ${faster} of ${ROUNDS} rounds`);
	}
} finally {
	for (const server of servers) {
		server.child.kill('SIGTERM');
		await stopped(server.child);
		rmSync(server.data, { recursive: true, force: true });
	}
	closeClients();
	// Each 1M-row store is ~230 MB: never leave one behind in /tmp.
	rmSync(dir, { recursive: true, force: true });
}
