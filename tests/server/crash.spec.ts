import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { ServerProcess } from '../support/server-process';

test.describe.configure({ timeout: 180_000 });

/** Opens the newest snapshot the way an auditor would: straight from disk. */
async function newestSnapshot(dataDir: string) {
	const SQL = await initSqlJs();
	const name = readdirSync(dataDir)
		.filter((f) => f.startsWith('snapshot-'))
		.sort()
		.at(-1)!;
	return new SQL.Database(readFileSync(join(dataDir, name)));
}

test('every write acknowledged before kill -9 is there after restart, nothing half-written', async () => {
	const server = new ServerProcess(4281);
	await server.start();

	// Several clients sign in over and over: each acknowledged sign-in is a journaled write
	// (a session row and its audit row, in one op).
	const acknowledged: string[] = [];
	let stop = false;
	const client = async (n: number) => {
		while (!stop) {
			try {
				const response = await fetch(`${server.url}/api/auth/login`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ username: `tinhnguyen${(n % 4) + 1}`, secret: '246810' })
				});
				if (response.status === 200) {
					const cookie = response.headers.get('set-cookie')!.split(';')[0];
					acknowledged.push(cookie);
				}
			} catch {
				// the server died mid-request: that write was never acknowledged
			}
		}
	};
	const clients = Array.from({ length: 8 }, (_, n) => client(n));
	while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
	await server.kill();
	stop = true;
	await Promise.all(clients);
	const ackedCount = acknowledged.length;

	await server.start();
	try {
		for (const cookie of acknowledged) {
			const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
			expect(me.status, `session ${cookie.slice(0, 20)}… was acknowledged`).toBe(200);
		}
	} finally {
		await server.stop();
	}

	const db = await newestSnapshot(server.dataDir);
	expect(db.exec('PRAGMA quick_check')[0].values[0][0]).toBe('ok');
	const sessions = Number(db.exec('SELECT count(*) FROM auth_sessions')[0].values[0][0]);
	const audits = Number(
		db.exec("SELECT count(*) FROM audit_log WHERE action = 'auth.login'")[0].values[0][0]
	);
	expect(sessions).toBeGreaterThanOrEqual(ackedCount);
	// Each op wrote a session and its audit row together: never one without the other.
	expect(audits).toBe(sessions);
});
