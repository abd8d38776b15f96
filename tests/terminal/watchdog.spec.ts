import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { REPO, tempDir, waitFor } from './support';

test.describe.configure({ timeout: 120_000 });

/**
 * systemd is not running in CI, so systemd-notify is replaced by a script that records what
 * it was asked to send (SYSTEMD_NOTIFY). What the server sends, and when, is the real thing.
 */
function fakeNotify(dir: string): { program: string; log: string } {
	const log = join(dir, 'notify.log');
	const program = join(dir, 'systemd-notify');
	writeFileSync(program, `#!/bin/sh\necho "$*" >> '${log}'\n`);
	chmodSync(program, 0o755);
	return { program, log };
}

function startServer(port: number, env: Record<string, string>) {
	const dataDir = tempDir('data');
	const child = spawn(process.execPath, [join(REPO, 'kiosk/server.js')], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	process.once('exit', () => child.kill('SIGKILL'));
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
	return { child, exited, output: () => output };
}

const lines = (log: string) =>
	existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];

test('under systemd the server says READY once it answers, feeds the watchdog, and says STOPPING', async () => {
	const dir = tempDir('notify');
	const notify = fakeNotify(dir);
	const server = startServer(4342, {
		NOTIFY_SOCKET: '/run/systemd/notify',
		WATCHDOG_USEC: '1000000', // systemd's WatchdogSec=1: fed every 0.5 s
		SYSTEMD_NOTIFY: notify.program
	});
	try {
		await waitFor('three watchdog feeds', () =>
			lines(notify.log).filter((l) => l === 'WATCHDOG=1').length >= 3 ? true : undefined
		);
		const sent = lines(notify.log);
		expect(sent[0]).toMatch(/^READY=1 STATUS=/);
		// READY only after /api/health answered: the store is open by then.
		expect((await fetch('http://127.0.0.1:4342/api/health')).status).toBe(200);
	} finally {
		server.child.kill('SIGTERM');
	}
	expect(await server.exited).toBe(0);
	expect(lines(notify.log).at(-1)).toMatch(/^STOPPING=1/);
	expect(server.output()).toContain('Store closed cleanly.');
});

test('without NOTIFY_SOCKET (npm start, node build) nothing is sent to systemd', async () => {
	const dir = tempDir('notify');
	const notify = fakeNotify(dir);
	const server = startServer(4342, { SYSTEMD_NOTIFY: notify.program, WATCHDOG_USEC: '1000000' });
	try {
		await waitFor('the server', async () =>
			(await fetch('http://127.0.0.1:4342/api/health')).ok ? true : undefined
		);
		await new Promise((r) => setTimeout(r, 1500));
	} finally {
		server.child.kill('SIGTERM');
	}
	expect(await server.exited).toBe(0);
	expect(lines(notify.log)).toEqual([]);
});

test('the watchdog is fed only while /api/health answers ok', async () => {
	// kiosk/systemd.js on its own, against a stand-in server whose health we switch.
	const dir = tempDir('notify');
	const notify = fakeNotify(dir);
	let healthy = true;
	const standIn = createServer((req, res) => {
		res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ ok: healthy }));
	});
	await new Promise<void>((resolve) => standIn.listen(4342, '127.0.0.1', resolve));
	const saved = { ...process.env };
	Object.assign(process.env, {
		NOTIFY_SOCKET: '/run/systemd/notify',
		WATCHDOG_USEC: '400000',
		SYSTEMD_NOTIFY: notify.program
	});
	const { startSystemdNotify } = await import('../../kiosk/systemd.js');
	const stop = startSystemdNotify({ host: '127.0.0.1', port: 4342, secure: false });
	try {
		await waitFor('two feeds', () =>
			lines(notify.log).filter((l) => l === 'WATCHDOG=1').length >= 2 ? true : undefined
		);
		healthy = false;
		await new Promise((r) => setTimeout(r, 400)); // a check already under way may still feed
		const before = lines(notify.log).length;
		await new Promise((r) => setTimeout(r, 1500));
		expect(lines(notify.log).length).toBe(before);
		healthy = true;
		await waitFor('feeding again', () => (lines(notify.log).length > before ? true : undefined));
	} finally {
		await stop();
		process.env = saved;
		standIn.close();
	}
	expect(lines(notify.log)[0]).toMatch(/^READY=1/);
	expect(lines(notify.log).at(-1)).toMatch(/^STOPPING=1/);
});
