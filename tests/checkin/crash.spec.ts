import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { ServerProcess } from '../support/server-process';

test.describe.configure({ timeout: 180_000 });

/** Live cards straight from the newest snapshot on disk (the server keeps no list of them). */
async function liveCards(dataDir: string, limit: number) {
	const SQL = await initSqlJs();
	const name = readdirSync(dataDir)
		.filter((f) => f.startsWith('snapshot-'))
		.sort()
		.at(-1)!;
	const db = new SQL.Database(readFileSync(join(dataDir, name)));
	const rows = db.exec(
		`SELECT code, resident_id FROM cards WHERE revoked_at IS NULL LIMIT ${limit}`
	)[0].values;
	db.close();
	return rows.map(([code, residentId]) => ({ code: String(code), residentId: Number(residentId) }));
}

test('kill -9 during a burst of concurrent check-ins loses none that was acknowledged', async () => {
	// E2E_CRASH_PORT moves it beside another checkout's run.
	const server = new ServerProcess(Number(process.env.E2E_CRASH_PORT ?? 4313));
	await server.start();
	const login = await fetch(`${server.url}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username: 'tinhnguyen1', secret: '246810' })
	});
	const cookie = login.headers.get('set-cookie')!.split(';')[0];
	const headers = { 'content-type': 'application/json', cookie };
	const session = await fetch(`${server.url}/api/sessions`, {
		method: 'POST',
		headers,
		body: JSON.stringify({
			title: 'Buổi thử mất điện',
			startsAt: Date.now(),
			place: 'Nhà văn hoá khu phố 1'
		})
	});
	const sessionId = (await session.json()).id as number;
	const cards = await liveCards(server.dataDir, 1200);

	const acknowledged = new Set<number>();
	let next = 0;
	let stop = false;
	const client = async (n: number) => {
		while (!stop && next < cards.length) {
			const card = cards[next++];
			try {
				const response = await fetch(`${server.url}/api/checkins`, {
					method: 'POST',
					headers,
					body: JSON.stringify({
						code: card.code,
						sessionId,
						nonce: `crash-${n}-${card.code}`,
						source: 'camera'
					})
				});
				if (response.status === 201) acknowledged.add(card.residentId);
			} catch {
				// the server died mid-request: never acknowledged
			}
		}
	};
	const clients = Array.from({ length: 20 }, (_, n) => client(n));
	while (acknowledged.size < 200) await new Promise((r) => setTimeout(r, 5));
	await server.kill();
	stop = true;
	await Promise.all(clients);
	expect(acknowledged.size).toBeLessThan(cards.length); // the kill really came mid-burst

	await server.start();
	try {
		const relogin = await fetch(`${server.url}/api/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username: 'tinhnguyen1', secret: '246810' })
		});
		const list = await (
			await fetch(`${server.url}/api/sessions/${sessionId}/attendance`, {
				headers: { cookie: relogin.headers.get('set-cookie')!.split(';')[0] }
			})
		).json();
		const present = new Set<number>(
			list.attendance.map((a: { residentId: number }) => a.residentId)
		);
		const lost = [...acknowledged].filter((id) => !present.has(id));
		expect(lost, 'acknowledged check-ins missing after kill -9').toEqual([]);
		expect(present.size).toBe(list.attendance.length); // nobody twice
	} finally {
		await server.stop();
	}
});
