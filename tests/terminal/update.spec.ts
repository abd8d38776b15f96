import { expect, test } from '@playwright/test';
import {
	chmodSync,
	existsSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { KIOSK, makeRelease, run, tempDir } from './support';

test.describe.configure({ timeout: 300_000 });

const PORT = 4344;
/**
 * Seconds update.sh waits for health in an update meant to fail (it waits this long, once or
 * twice, before rolling back); the release rolled back to must start within it too (~2 s here).
 */
const FAILING_RELEASE_WAIT = 10;
const URL = `http://127.0.0.1:${PORT}`;

/**
 * A terminal in a temporary folder: update.sh with THS_ROOT, and in place of
 * `systemctl restart tram-hoc-so` a script that stops the running server and starts
 * /opt/tram-hoc-so/current/kiosk/server.js again — the same thing systemd does.
 */
function terminal(healthTimeout = 30) {
	const root = tempDir('update');
	const restart = join(root, 'restart.sh');
	writeFileSync(
		restart,
		`#!/bin/bash
pidfile='${root}/server.pid'
if [ -f "$pidfile" ]; then
	pid=$(cat "$pidfile")
	kill -TERM "$pid" 2>/dev/null || true
	while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
fi
cd '${root}/opt/tram-hoc-so/current'
nohup '${process.execPath}' kiosk/server.js >>'${root}/server.log' 2>&1 &
echo $! >"$pidfile"
`
	);
	chmodSync(restart, 0o755);
	const env = {
		THS_ROOT: root,
		THS_RESTART_CMD: restart,
		THS_STOP_CMD: `pid=$(cat '${root}/server.pid'); kill $pid; while kill -0 $pid 2>/dev/null; do sleep 0.1; done`,
		THS_HEALTH_URL: `${URL}/api/health`,
		THS_HEALTH_TIMEOUT: String(healthTimeout),
		PORT: String(PORT),
		HOST: '127.0.0.1',
		DATA_DIR: join(root, 'var/lib/tram-hoc-so'),
		DEMO_PASSWORD: 'hatu2026',
		DEMO_PIN: '246810'
	};
	return {
		root,
		/**
		 * `healthTimeout` for one update: a release meant to fail is waited for only as long as
		 * a healthy start needs here (CI time); a good one gets the terminal's full wait.
		 */
		update: (release: string, timeout = healthTimeout) =>
			run(
				'bash',
				[join(KIOSK, 'update.sh'), release],
				{ ...env, THS_HEALTH_TIMEOUT: String(timeout) },
				180_000
			),
		current: () => readlinkSync(join(root, 'opt/tram-hoc-so/current')),
		stop: () => {
			const pidfile = join(root, 'server.pid');
			if (existsSync(pidfile)) run('kill', [readFileSync(pidfile, 'utf8').trim()]);
		}
	};
}

/** fetch, once more on a socket the previous server closed (undici keeps connections alive). */
async function get(path: string, init?: RequestInit): Promise<Response> {
	try {
		return await fetch(`${URL}${path}`, init);
	} catch {
		await new Promise((r) => setTimeout(r, 200));
		return fetch(`${URL}${path}`, init);
	}
}

async function runningVersion(): Promise<string> {
	return (await (await get('/api/health')).json()).version;
}

async function signIn(): Promise<string> {
	const response = await get('/api/auth/login', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username: 'tinhnguyen1', secret: '246810' })
	});
	expect(response.status).toBe(200);
	return response.headers.get('set-cookie')!.split(';')[0];
}

async function stillSignedIn(cookie: string): Promise<boolean> {
	return (await get('/api/auth/me', { headers: { cookie } })).status === 200;
}

test('a good release switches; one whose health check fails rolls back to the working one', async () => {
	const kiosk = terminal();
	const releases = tempDir('releases');
	try {
		const first = kiosk.update(makeRelease(releases, '1.0.0'));
		expect(first.status, first.stdout + first.stderr).toBe(0);
		expect(kiosk.current()).toBe('releases/1.0.0');
		expect(await runningVersion()).toBe('1.0.0');
		const cookie = await signIn();

		const good = kiosk.update(makeRelease(releases, '2.0.0'));
		expect(good.status, good.stdout + good.stderr).toBe(0);
		expect(good.stdout).toContain('phiên bản 2.0.0 đang chạy tốt');
		expect(kiosk.current()).toBe('releases/2.0.0');
		expect(await runningVersion()).toBe('2.0.0');
		expect(await stillSignedIn(cookie)).toBe(true);
		// The store was backed up (server stopped) before the switch.
		expect(good.stdout).toContain('dừng máy chủ để sao lưu dữ liệu');
		expect(readdirSync(join(kiosk.root, 'var/backups/tram-hoc-so/pre-update'))).toHaveLength(1);

		// A release whose server dies at start: health never answers with 3.0.0.
		const broken = kiosk.update(
			makeRelease(releases, '3.0.0', { serverSource: 'process.exit(1);\n' }),
			FAILING_RELEASE_WAIT
		);
		expect(broken.status).toBe(1);
		expect(broken.stderr).toContain('phiên bản 3.0.0 không chạy được');
		expect(broken.stdout).toContain('đã quay lại phiên bản 2.0.0');
		expect(kiosk.current()).toBe('releases/2.0.0');
		expect(await runningVersion()).toBe('2.0.0');
		expect(await stillSignedIn(cookie)).toBe(true);
		expect(existsSync(join(kiosk.root, 'opt/tram-hoc-so/releases/3.0.0/.failed'))).toBe(true);

		// An incomplete release is refused before anything is switched or restarted.
		const incomplete = kiosk.update(makeRelease(releases, '4.0.0', { withoutBuild: true }));
		expect(incomplete.status).toBe(1);
		expect(incomplete.stderr).toContain('thiếu build/handler.js');
		expect(existsSync(join(kiosk.root, 'opt/tram-hoc-so/releases/4.0.0'))).toBe(false);
		expect(kiosk.current()).toBe('releases/2.0.0');

		// The same release twice: nothing to do.
		const again = kiosk.update(join(releases, 'tram-hoc-so-2.0.0'));
		expect(again.status).toBe(0);
		expect(again.stdout).toContain('đã đang chạy');

		// A tarball as make-release.sh makes it; old releases beyond three are removed.
		makeRelease(releases, '5.0.0');
		const tarball = join(releases, 'tram-hoc-so-5.0.0.tar.gz');
		expect(run('tar', ['-czf', tarball, '-C', releases, 'tram-hoc-so-5.0.0']).status).toBe(0);
		const fromTarball = kiosk.update(tarball);
		expect(fromTarball.status, fromTarball.stdout + fromTarball.stderr).toBe(0);
		expect(await runningVersion()).toBe('5.0.0');
		const kept = readdirSync(join(kiosk.root, 'opt/tram-hoc-so/releases')).filter(
			(n) => !n.startsWith('.')
		);
		expect(kept).toHaveLength(3);
		expect(kept).toEqual(expect.arrayContaining(['5.0.0', '2.0.0']));
		expect(await stillSignedIn(cookie)).toBe(true);
	} finally {
		kiosk.stop();
	}
});

/**
 * A release that migrates the store and then fails, like a real one shipping a new migration
 * with a bug: it records a migration the old release does not ship, so the old release
 * refuses that store ("applied migration … is not shipped by this build").
 */
const MIGRATES_THEN_FAILS = `
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
const dir = process.env.DATA_DIR;
const newest = readdirSync(dir).filter((n) => n.startsWith('snapshot-')).sort().at(-1);
const SQL = await initSqlJs();
const db = new SQL.Database(readFileSync(join(dir, newest)));
db.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'from_the_future', 0)");
writeFileSync(join(dir, newest + '.tmp'), db.export());
renameSync(join(dir, newest + '.tmp'), join(dir, newest));
process.exit(1);
`;

test('when the old release cannot open what the failed one migrated, the pre-update backup comes back', async () => {
	const kiosk = terminal();
	const releases = tempDir('releases');
	try {
		expect(kiosk.update(makeRelease(releases, '1.0.0')).status).toBe(0);
		const cookie = await signIn();
		const failed = kiosk.update(
			makeRelease(releases, '2.0.0', { serverSource: MIGRATES_THEN_FAILS }),
			FAILING_RELEASE_WAIT
		);
		expect(failed.status, failed.stdout + failed.stderr).toBe(1);
		expect(failed.stderr).toContain('khôi phục bản sao lưu trước cập nhật');
		expect(failed.stdout).toContain('đã quay lại phiên bản 1.0.0 với dữ liệu trước cập nhật');
		expect(kiosk.current()).toBe('releases/1.0.0');
		expect(await runningVersion()).toBe('1.0.0');
		// Every write acknowledged before the update is still there.
		expect(await stillSignedIn(cookie)).toBe(true);
		// The store the failed release left is kept aside, not deleted.
		const aside = readdirSync(join(kiosk.root, 'var/lib')).filter((n) =>
			n.startsWith('tram-hoc-so.before-restore-')
		);
		expect(aside).toHaveLength(1);
	} finally {
		kiosk.stop();
	}
});
