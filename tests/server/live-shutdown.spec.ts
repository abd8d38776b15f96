import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { openHydrated } from '../support/pages';
import { ServerProcess } from '../support/server-process';

test.describe.configure({ timeout: 120_000 });

const snapshots = (dataDir: string) =>
	readdirSync(dataDir)
		.filter((f) => f.startsWith('snapshot-'))
		.sort();

test('a stop (SIGTERM) with a live stream open ends the stream at once and still takes the final snapshot', async () => {
	// Its own server, stopped by the test; E2E_LIVE_PORT moves it beside another checkout.
	const server = new ServerProcess(Number(process.env.E2E_LIVE_PORT ?? 4284));
	await server.start();
	try {
		const login = await fetch(`${server.url}/api/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username: 'tinhnguyen1', secret: '246810' })
		});
		expect(login.status).toBe(200);
		const cookie = login.headers.get('set-cookie')!.split(';')[0];
		// A volunteer's page, its live channel open.
		const stream = await fetch(`${server.url}/api/live`, { headers: { cookie } });
		expect(stream.status).toBe(200);
		const reader = stream.body!.getReader();
		expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: hello');
		// The sign-in was written after the start's snapshot: a final one comes after it.
		const before = snapshots(server.dataDir);

		const stopping = Date.now();
		await server.stop('SIGTERM');
		// An open stream held the stop until kiosk/server.js cut every connection at 10 s.
		expect(Date.now() - stopping).toBeLessThan(5000);
		// Ended by the server, not cut off: the page's EventSource tries again, then polls.
		let done = false;
		while (!done) done = (await reader.read()).done;
		const after = snapshots(server.dataDir);
		expect(after.at(-1)! > before.at(-1)!).toBe(true);
	} finally {
		await server.stop('SIGKILL');
	}
});

test('a stop with a volunteer’s class page open in the browser ends at once, not at the 10-s cut', async ({
	page
}) => {
	// The page keeps asking (its stream again, the calls, the count): every connection it held
	// kept the stop waiting, so each restart (an update's too) took ten seconds more.
	const server = new ServerProcess(Number(process.env.E2E_LIVE_PORT ?? 4284) + 1);
	await server.start();
	try {
		await openHydrated(page, `${server.url}/dang-nhap`);
		await page.getByLabel('Tên đăng nhập').fill('tinhnguyen1');
		await page.getByLabel('Mật khẩu hoặc mã PIN 6 số').fill('246810');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page).not.toHaveURL(/dang-nhap/);
		// Its live channel open.
		const live = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/live');
		await openHydrated(page, `${server.url}/tinh-nguyen`);
		expect((await live).status()).toBe(200);
		const stopping = Date.now();
		await server.stop('SIGTERM');
		expect(Date.now() - stopping).toBeLessThan(3000);
		// Still a clean stop: the final snapshot was taken.
		expect(snapshots(server.dataDir).length).toBeGreaterThan(0);
	} finally {
		await server.stop('SIGKILL');
	}
});
