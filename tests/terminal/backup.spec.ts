import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import initSqlJs from 'sql.js';
import { ServerProcess } from '../support/server-process';
import { KIOSK, run, tempDir } from './support';

test.describe.configure({ timeout: 300_000 });

/** backup.sh as the timer runs it, but asynchronously: the writers keep going meanwhile. */
function backup(dataDir: string, backupDir: string, env: Record<string, string> = {}) {
	return new Promise<{ status: number | null; output: string }>((resolve) => {
		const child = spawn('bash', [join(KIOSK, 'backup.sh')], {
			env: {
				...process.env,
				DATA_DIR: dataDir,
				BACKUP_DIR: backupDir,
				BACKUP_REQUIRE_MOUNT: '0',
				...env
			}
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('exit', (status) => resolve({ status, output }));
	});
}

test('a backup taken while sign-ins arrive restores every one acknowledged before it', async () => {
	const server = new ServerProcess(4345);
	await server.start();
	const backupDir = tempDir('backups');

	// Writers: volunteers signing in over and over. Each 200 is an acknowledged, journaled op.
	const acknowledged: string[] = [];
	let stop = false;
	const writer = async (n: number) => {
		while (!stop) {
			try {
				const response = await fetch(`${server.url}/api/auth/login`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ username: `tinhnguyen${(n % 4) + 1}`, secret: '246810' })
				});
				if (response.status === 200)
					acknowledged.push(response.headers.get('set-cookie')!.split(';')[0]);
			} catch {
				// the server restarting below: that sign-in was not acknowledged
			}
		}
	};
	const writers = Array.from({ length: 3 }, (_, n) => writer(n));
	const waitForMore = async (count: number) => {
		const target = acknowledged.length + count;
		while (acknowledged.length < target) await new Promise((r) => setTimeout(r, 20));
	};

	// Backups while writes arrive; a restart in between gives a new snapshot and journal segment.
	const taken: Array<{ ackedBefore: string[] }> = [];
	await waitForMore(8);
	taken.push({ ackedBefore: [...acknowledged] });
	const first = await backup(server.dataDir, backupDir);
	expect(first.status, first.output).toBe(0);
	// Writes really arrived while the backup was being taken.
	expect(acknowledged.length).toBeGreaterThan(taken[0].ackedBefore.length);
	await waitForMore(8);
	await server.stop();
	await server.start();
	await waitForMore(8);
	taken.push({ ackedBefore: [...acknowledged] });
	const second = await backup(server.dataDir, backupDir);
	expect(second.status, second.output).toBe(0);
	expect(acknowledged.length).toBeGreaterThan(taken[1].ackedBefore.length);
	await waitForMore(4);
	stop = true;
	await Promise.all(writers);
	await server.stop();

	const backups = readdirSync(backupDir)
		.filter((n) => n.startsWith('tram-hoc-so-'))
		.sort();
	expect(backups).toHaveLength(2);
	const SQL = await initSqlJs();
	for (const [i, name] of backups.entries()) {
		const info = JSON.parse(readFileSync(join(backupDir, name, 'BACKUP_INFO'), 'utf8'));
		expect(info.bytes).toBeGreaterThan(100_000);

		const restored = tempDir('restored');
		const restore = run('bash', [
			join(KIOSK, 'restore.sh'),
			'--data-dir',
			restored,
			join(backupDir, name)
		]);
		expect(restore.status, restore.stderr).toBe(0);
		const again = new ServerProcess(4346, restored);
		await again.start();
		try {
			const missing: string[] = [];
			for (const cookie of taken[i].ackedBefore) {
				const me = await fetch(`${again.url}/api/auth/me`, { headers: { cookie } });
				if (me.status !== 200) missing.push(cookie);
			}
			expect(missing, `sign-ins acknowledged before backup ${name}`).toEqual([]);
		} finally {
			await again.stop();
		}
		const snapshot = readdirSync(restored)
			.filter((n) => n.startsWith('snapshot-'))
			.sort()
			.at(-1)!;
		const db = new SQL.Database(readFileSync(join(restored, snapshot)));
		expect(db.exec('PRAGMA quick_check')[0].values[0][0]).toBe('ok');
		const sessions = Number(db.exec('SELECT count(*) FROM auth_sessions')[0].values[0][0]);
		expect(sessions).toBeGreaterThanOrEqual(taken[i].ackedBefore.length);
		// restore.sh told the server it came from a backup: new op ids are in a new epoch.
		expect(db.exec("SELECT value FROM meta WHERE key = 'epoch'")[0].values[0][0]).toBe('2');
		expect(readdirSync(restored)).not.toContain('RESTORED');
		db.close();
	}

	// check-backup.js (run by backup.sh and restore.sh) notices a scribbled journal line even
	// where the SHA256SUMS would have been rewritten along with it.
	const copy = tempDir('scribbled');
	cpSync(join(backupDir, backups[1]), copy, { recursive: true });
	const check = (dir: string) => run(process.execPath, [join(KIOSK, 'check-backup.js'), dir]);
	const good = check(copy);
	expect(good.status, good.stdout).toBe(0);
	expect(JSON.parse(good.stdout)).toMatchObject({ quickCheck: 'ok', problems: [] });
	expect(JSON.parse(good.stdout).ops).toBeGreaterThan(0);
	const journal = join(
		copy,
		readdirSync(copy)
			.filter((n) => n.startsWith('journal-'))
			.at(-1)!
	);
	writeFileSync(
		journal,
		readFileSync(journal, 'utf8').replace('auth.sessionStart', 'auth.sessionStarT')
	);
	const bad = check(copy);
	expect(bad.status).toBe(1);
	expect(bad.stdout).toContain('fails its checksum');
});

test('backup.sh keeps the newest N, refuses a missing USB stick, and restore refuses damage', async () => {
	const server = new ServerProcess(4345);
	await server.start();
	await server.stop();
	const backupDir = tempDir('backups');
	for (let i = 0; i < 3; i++) {
		const made = await backup(server.dataDir, backupDir, { BACKUP_KEEP: '2' });
		expect(made.status, made.output).toBe(0);
		await new Promise((r) => setTimeout(r, 1100)); // names carry the second
	}
	const kept = readdirSync(backupDir).sort();
	expect(kept).toHaveLength(2);

	// Without BACKUP_REQUIRE_MOUNT=0 a folder that is not a mount point is refused, so a
	// forgotten USB stick never fills the system disk.
	const unmounted = tempDir('not-mounted');
	const refused = await backup(server.dataDir, unmounted, { BACKUP_REQUIRE_MOUNT: '1' });
	expect(refused.status).toBe(1);
	expect(refused.output).toContain('chưa gắn ổ nào');
	expect(readdirSync(unmounted)).toEqual([]);

	// A damaged backup is refused before anything in DATA_DIR is touched.
	const damaged = join(backupDir, kept[1]);
	const journal = readdirSync(damaged).find((n) => n.startsWith('journal-'))!;
	run('bash', ['-c', `printf x >> '${join(damaged, journal)}'`]);
	const target = tempDir('target');
	mkdirSync(target, { recursive: true });
	const restore = run('bash', [join(KIOSK, 'restore.sh'), '--data-dir', target, damaged]);
	expect(restore.status).toBe(1);
	expect(restore.stderr).toContain('bị hỏng');
	expect(readdirSync(target)).toEqual([]);
});

test('restore.sh refuses a store a server still has open, and changes nothing there', async () => {
	// Not under systemd (npm start, a server started by hand): restoring under it used to say
	// "đã khôi phục", and the server's final snapshot then brought its own data back.
	const server = new ServerProcess(4352);
	await server.start();
	const backupDir = tempDir('open-store-backups');
	try {
		const made = await backup(server.dataDir, backupDir);
		expect(made.status, made.output).toBe(0);
		const [name] = readdirSync(backupDir);
		const before = readdirSync(server.dataDir).sort();
		const refused = run('bash', [
			join(KIOSK, 'restore.sh'),
			'--data-dir',
			server.dataDir,
			join(backupDir, name)
		]);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('vẫn đang mở dữ liệu');
		expect(refused.stderr).toContain('hãy dừng nó trước');
		expect(readdirSync(server.dataDir).sort()).toEqual(before);
		const aside = `${basename(server.dataDir)}.before-restore-`;
		expect(readdirSync(dirname(server.dataDir)).filter((n) => n.startsWith(aside))).toEqual([]);

		await server.stop();
		const restored = run('bash', [
			join(KIOSK, 'restore.sh'),
			'--data-dir',
			server.dataDir,
			join(backupDir, name)
		]);
		expect(restored.status, restored.stderr).toBe(0);
		// The old store's snapshot checksums went aside with it.
		expect(readdirSync(server.dataDir).filter((n) => n.startsWith('checksum-'))).toEqual([]);
		expect(readdirSync(server.dataDir)).toContain('RESTORED');
	} finally {
		await server.stop();
	}
});
