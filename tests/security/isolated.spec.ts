import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { DEMO, openHydrated, signIn } from '../support/pages';
import { ServerProcess } from '../support/server-process';
import { apiClientSignedIn, apiSignIn } from '../support/sign-in';
import { residentIn } from './residents';

/**
 * Tests that erase people or exhaust rate limits get a server of their own (ports from this
 * area's range), so the shared server's data and limits stay as other tests expect.
 */
const server = new ServerProcess(4333);
let officer: APIRequestContext;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	await server.start();
	officer = await apiClientSignedIn(server.url, 'quantri', DEMO.password);
});
test.afterAll(() => server.stop());

const residents = async () => (await (await officer.get('/api/health')).json()).store.residents;

test('DELETE /api/residents/:id erases the person, keeps attendance as anonymous rows, and is audited', async () => {
	const person = await residentIn(officer, 'Khu phố 3');
	const before = await residents();
	const r = await officer.delete(`/api/residents/${person.id}`);
	expect(r.status()).toBe(200);
	const { erased } = await r.json();
	expect(erased.attendanceAnonymised).toBe(person.attendance);
	expect(await residents()).toBe(before - 1);

	const gone = await officer.get(`/api/residents/${person.id}/export`);
	expect([gone.status(), (await gone.json()).reason]).toEqual([404, 'not_found']);
	const again = await officer.delete(`/api/residents/${person.id}`);
	expect(again.status()).toBe(404);

	const audit = await officer.get(`/api/audit?subject=resident:${person.id}&action=resident.erase`);
	const [entry] = (await audit.json()).entries;
	expect(entry.actorUsername).toBe('quantri');
	expect(JSON.parse(entry.detail)).toMatchObject({ attendanceAnonymised: person.attendance });
	expect(entry.detail).not.toContain(person.fullName);
});

test('the officer erases a person from the data page after confirming', async ({ browser }) => {
	const person = await residentIn(officer, 'Khu phố 4', 300);
	const page = await (await browser.newContext({ baseURL: server.url })).newPage();
	await signIn(page, 'quantri', DEMO.password);
	await openHydrated(page, `/cu-dan/${person.id}/du-lieu`);
	await page.getByRole('button', { name: 'Xoá dữ liệu' }).click();
	await expect(page.getByRole('alert')).toContainText('đánh dấu ô xác nhận');
	await page.getByLabel('Tôi đã kiểm tra yêu cầu xoá của người này').check();
	await page.getByRole('button', { name: 'Xoá dữ liệu' }).click();
	await expect(page).toHaveURL(new RegExp(`/quan-tri/du-lieu-ca-nhan\\?erased=${person.id}`));
	await expect(page.getByRole('status')).toContainText(`cư dân số ${person.id}`);
	expect((await page.goto(`/cu-dan/${person.id}/du-lieu`))?.status()).toBe(404);
});

test('sign-in is rate limited per address: a burst of tries gets 429 with Retry-After', async () => {
	const guesser = await request.newContext({ baseURL: server.url });
	// Sent together, as a guessing script would: more than the burst the limit allows.
	const answers = await Promise.all(
		Array.from({ length: 45 }, (_, i) =>
			guesser.post('/api/auth/login', { data: { username: `doan${i}`, secret: 'matkhau1' } })
		)
	);
	const statuses = answers.map((r) => r.status());
	const limited = answers.find((r) => r.status() === 429);
	const retryAfter = limited?.headers()['retry-after'];
	expect((await limited?.json())?.reason).toBe('rate_limited');
	expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(25);
	expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
	expect(Number(retryAfter)).toBeGreaterThan(0);
});

test('check-ins are rate limited per device: one runaway phone does not block another', async () => {
	test.setTimeout(120_000);
	// The previous test used up the sign-in limit: apiSignIn waits it out.
	const phone = async (username: string) => {
		const ctx = await request.newContext({ baseURL: server.url });
		expect((await apiSignIn(ctx, username, DEMO.pin)).status()).toBe(200);
		return ctx;
	};
	const runaway = await phone('tinhnguyen2');
	const calm = await phone('tinhnguyen3');
	const send = (ctx: APIRequestContext) =>
		ctx.post('/api/checkins', { data: { code: 'X', sessionId: 0, nonce: 'n', source: 'camera' } });
	const statuses = await Promise.all(
		Array.from({ length: 300 }, () => send(runaway)).map(async (p) => (await p).status())
	);
	const limited = statuses.filter((s) => s === 429).length;
	expect(limited).toBeGreaterThan(0);
	expect(limited).toBeLessThan(300);
	expect((await send(calm)).status()).not.toBe(429);
});
