// npm run bench:checkin — check-in throughput and latency against the built server holding
// 1M attendance rows, 20 concurrent clients over loopback; the same load against a bare
// node:http server that only appends each request to a file and fsyncs it with the same
// group commit (this machine's ceiling); and the time from a QR in front of the fake
// camera to the result on screen. Prints figures; never part of the pass/fail tests.
// (To compare two builds of the server, see checkin-compare.bench.js.)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
	post,
	prepareStore,
	signInDevices,
	startBare,
	startServer,
	stopped,
	waitFor
} from './checkin-kit.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = 3;

if (!existsSync('build/handler.js')) {
	console.error('Build first: npm run build');
	process.exit(1);
}

async function cameraLatency(cookie, sessionId, codes) {
	const { chromium } = await import('playwright-core');
	const QRCode = (await import('qrcode')).default;
	const times = [];
	for (const code of codes) {
		const video = join(mkdtempSync(join(tmpdir(), 'ths-cam-')), 'card.y4m');
		writeY4m(video, QRCode.create(code).modules);
		const browser = await chromium.launch({
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--use-fake-ui-for-media-stream',
				'--use-fake-device-for-media-stream',
				`--use-file-for-fake-video-capture=${video}`
			]
		});
		const context = await browser.newContext({
			viewport: { width: 412, height: 915 },
			permissions: ['camera']
		});
		const [name, value] = cookie.split('=');
		await context.addCookies([{ name, value, url: `http://127.0.0.1:${PORT}` }]);
		const page = await context.newPage();
		await page.goto(`http://127.0.0.1:${PORT}/diem-danh/${sessionId}`);
		// The answer, not the "Đang gửi…" shown while it is on its way.
		await page.locator('[data-result]:not([data-result="sending"])').waitFor({ timeout: 20_000 });
		const t = await page.evaluate(
			() =>
				Number(document.documentElement.dataset.resultShownAt) -
				Number(document.documentElement.dataset.cameraStartedAt)
		);
		times.push(t);
		await browser.close();
	}
	return times.sort((a, b) => a - b);
}

function writeY4m(path, qr) {
	const W = 640,
		H = 480,
		quiet = 4,
		scale = Math.floor(400 / (qr.size + 8));
	const left = Math.floor((W - (qr.size + 8) * scale) / 2),
		top = Math.floor((H - (qr.size + 8) * scale) / 2);
	const luma = Buffer.alloc(W * H, 235);
	for (let y = 0; y < qr.size; y++)
		for (let x = 0; x < qr.size; x++)
			if (qr.get(y, x))
				for (let dy = 0; dy < scale; dy++) {
					const row = (top + (y + quiet) * scale + dy) * W;
					luma.fill(16, row + left + (x + quiet) * scale, row + left + (x + quiet + 1) * scale);
				}
	writeFileSync(
		path,
		Buffer.concat([
			Buffer.from(`YUV4MPEG2 W${W} H${H} F30:1 Ip A1:1 C420jpeg\nFRAME\n`),
			luma,
			Buffer.alloc((W * H) / 2, 128)
		])
	);
}

const dir = await prepareStore();
const t0 = performance.now();
const server = startServer(dir, { env: { CHECKIN_LIMIT: BENCH_LIMIT } });
await waitFor(`http://127.0.0.1:${PORT}/api/health`);
console.log(`server start with this store: ${Math.round(performance.now() - t0)} ms`);
try {
	const cookies = await signInDevices(PORT);
	const cookie = cookies[0];
	const codes = await cardCodes(dir);
	const warmSessions = await openSessions(PORT, cookie, 'warm-up', 4);
	const sessions = await openSessions(PORT, cookie, 'client', 12);
	const warmCheckins = checkinRequests({ codes, cookies, sessions: warmSessions, label: 'warm' });
	const checkins = checkinRequests({ codes, cookies, sessions, label: 'bench' });
	const base = await startBare(dir, { codes, cookies, sessions });
	try {
		// Warm up (not counted): the JIT, and the first growth of sql.js's in-memory file after
		// loading a 111 MB snapshot (one copy of the whole file, every ~12% of growth).
		await load(PORT, warmCheckins, 3);
		await load(BASE_PORT, base.requests, 2);
		// This machine is shared and its disk's fsync time wanders by 2× from minute to minute:
		// the two servers take turns, and each round's ratio compares neighbours in time.
		const rounds = [];
		const journalOps = async () =>
			(await (await fetch(`http://127.0.0.1:${PORT}/api/health`)).json()).store.journalOps;
		for (let r = 0; r < ROUNDS; r++) {
			const before = await journalOps();
			const ours = await measured(server.pid, PORT, checkins, SECONDS / ROUNDS);
			// The journal restarts at each snapshot (every 50,000 ops): a round that took one
			// also wrote the whole database (~200 MB) to the disk its fsyncs wait on.
			const snapshot = (await journalOps()) < before + ours.latencies.length;
			const ceiling = await measured(base.child.pid, BASE_PORT, base.requests, SECONDS / ROUNDS);
			rounds.push({ ours, ceiling, ratio: ours.rate / ceiling.rate });
			console.log(
				`  round ${r + 1}: ours ${fmt(ours.rate)}/s${snapshot ? ' (took a snapshot)' : ''}, bare ${fmt(ceiling.rate)}/s, ratio ${(ours.rate / ceiling.rate).toFixed(2)}`
			);
		}
		const all = rounds.flatMap((r) => r.ours.latencies).sort((a, b) => a - b);
		const q = (p) => all[Math.min(all.length - 1, Math.floor(p * all.length))];
		const n = all.length;
		const inserted = rounds.reduce((sum, r) => sum + (r.ours.statuses[201] ?? 0), 0);
		const rate = rounds.reduce((sum, r) => sum + r.ours.rate, 0) / ROUNDS;
		const ceilingRate = rounds.reduce((sum, r) => sum + r.ceiling.rate, 0) / ROUNDS;
		const ratios = rounds.map((r) => r.ratio).sort((a, b) => a - b);
		console.log(
			`check-ins: ${fmt(rate)}/s, p50 ${fmt(q(0.5))} ms, p99 ${fmt(q(0.99))} ms (${n} requests, ${inserted} of them new check-ins answered 201; 20 devices, fsync before every answer, CHECKIN_LIMIT=${BENCH_LIMIT})`
		);
		if (inserted !== n) {
			console.log('WARNING: not every request was a new check-in; the figures are not valid.');
		}
		console.log(
			`bare node:http + append + fdatasync (same batching): ${fmt(ceilingRate)}/s, p50 ${fmt(rounds[0].ceiling.p50)} ms, p99 ${fmt(rounds[0].ceiling.p99)} ms (round 1)`
		);
		const cpu = (list) => fmt(list.reduce((sum, x) => sum + x, 0) / list.length);
		console.log(
			`server CPU per request (all threads): ours ${cpu(rounds.map((r) => r.ours.cpuPerRequest))} µs, bare ${cpu(rounds.map((r) => r.ceiling.cpuPerRequest))} µs`
		);
		const busy = (list) =>
			`${Math.round((100 * list.reduce((sum, x) => sum + x, 0)) / list.length)}%`;
		console.log(
			`the 20 devices' own process, CPU per request: ours ${cpu(rounds.map((r) => r.ours.clientCpuPerRequest))} µs (busy ${busy(rounds.map((r) => r.ours.clientBusy))} of a core), bare ${cpu(rounds.map((r) => r.ceiling.clientCpuPerRequest))} µs (busy ${busy(rounds.map((r) => r.ceiling.clientBusy))})`
		);
		console.log(
			`ratio to the ceiling, ${ROUNDS} alternating rounds of ${SECONDS / ROUNDS} s: ${ratios.map((x) => x.toFixed(2)).join(', ')} → median ${ratios[Math.floor(ROUNDS / 2)].toFixed(2)} (target ≥ 0.5)`
		);
	} finally {
		base.child.kill();
	}

	if (process.env.BENCH_CAMERA !== '0') {
		const camSession = JSON.parse(
			(
				await post(
					PORT,
					'/api/sessions',
					{ title: 'Bench camera', place: 'Nhà văn hoá khu phố 1' },
					cookie
				)
			).text
		).id;
		const cam = await cameraLatency(cookie, camSession, codes.slice(-3));
		console.log(
			`QR in front of the fake camera → result on screen: ${cam.map((t) => Math.round(t)).join(', ')} ms (median ${Math.round(cam[1])} ms, target ≤ 400)`
		);
	}
} finally {
	server.kill('SIGTERM');
	await stopped(server);
	closeClients();
	// The 1M-row store is ~230 MB: never leave it behind in /tmp.
	rmSync(dir, { recursive: true, force: true });
}
