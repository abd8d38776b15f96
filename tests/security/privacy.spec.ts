import { expect, test } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { DEMO, openHydrated, signIn } from '../support/pages';
import { contexts } from './identities';
import { residentIn } from './residents';
import { discoverRoutes, samplePath } from './discover';
import { apiSignIn } from '../support/sign-in';

test('the JSON export holds everything about the person and is audited with the device', async () => {
	const who = await contexts(BASE_URL);
	const person = await residentIn(who.officer, 'Khu phố 1');
	const r = await who.officer.get(`/api/residents/${person.id}/export`, {
		headers: { 'user-agent': 'May-tinh-phuong/1.0' }
	});
	expect(r.status()).toBe(200);
	expect(r.headers()['content-disposition']).toContain(`cu-dan-${person.id}.json`);
	const data = await r.json();
	expect(Object.keys(data)).toEqual(
		expect.arrayContaining([
			'resident',
			'household',
			'consents',
			'cards',
			'milestones',
			'attendance',
			'lessonCompletions',
			'accessLog'
		])
	);
	expect(data.resident.fullName).toBe(person.fullName);
	expect(data.resident).not.toHaveProperty('idCardNumber');
	expect(data.cards[0].code).toMatch(/^[A-Z0-9-]{10,}$/);

	// This export's row, not merely the newest: the person is resident 1, whom another test
	// (hardening's public-names check, in the other worker) may export at the same moment.
	const audit = await who.officer.get(
		`/api/audit?subject=resident:${person.id}&action=resident.export&limit=20`
	);
	const entries: Array<{ device: string }> = (await audit.json()).entries;
	const entry = entries.find((e) => e.device?.includes('May-tinh-phuong/1.0'));
	expect(entry).toMatchObject({ actorUsername: 'quantri', subject: `resident:${person.id}` });

	// The head of khu phố 1 may; the head of khu phố 2 and a volunteer may not.
	expect((await who.head.get(`/api/residents/${person.id}/export`)).status()).toBe(200);
	const other = await contexts(BASE_URL).then(async (c) => {
		await c.head.post('/api/auth/logout');
		await apiSignIn(c.head, 'truongkhu2', DEMO.password);
		return c.head;
	});
	const refused = await other.get(`/api/residents/${person.id}/export`);
	expect([refused.status(), (await refused.json()).reason]).toEqual([403, 'forbidden']);
	expect((await who.volunteer.get(`/api/residents/${person.id}/export`)).status()).toBe(403);
	expect((await who.head.delete(`/api/residents/${person.id}`)).status()).toBe(403);
});

test('the audit log filters by actor, subject and dates, and refuses bad dates with a reason', async () => {
	const who = await contexts(BASE_URL);
	const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
	const r = await who.officer.get(`/api/audit?actor=quantri&from=${today}&to=${today}&limit=50`);
	expect(r.status()).toBe(200);
	const { entries } = await r.json();
	expect(entries.length).toBeGreaterThan(0);
	for (const e of entries) expect(e.actorUsername).toBe('quantri');
	const future = await who.officer.get('/api/audit?from=2099-01-01');
	expect((await future.json()).entries).toEqual([]);
	const bad = await who.officer.get('/api/audit?from=31/02/2026');
	expect([bad.status(), (await bad.json()).reason]).toEqual([400, 'invalid']);
	expect((await who.head.get('/api/audit')).status()).toBe(403);
});

test('the readable copy shows the person, records the view and the print, and takes a withdrawal', async ({
	page
}) => {
	const who = await contexts(BASE_URL);
	const person = await residentIn(who.officer, 'Khu phố 8', 900);
	await signIn(page, 'quantri', DEMO.password, `/cu-dan/${person.id}/du-lieu`);
	await openHydrated(page, `/cu-dan/${person.id}/du-lieu`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Dữ liệu cá nhân: ${person.fullName}`
	);
	await expect(
		page.getByRole('heading', { name: `Buổi học đã dự (${person.attendance})` })
	).toBeVisible();
	await page.screenshot({ path: 'test-results/security-du-lieu.png', fullPage: true });

	await page.evaluate(() => (window.print = () => document.body.setAttribute('data-printed', '1')));
	await page.getByRole('button', { name: 'In bản sao' }).click();
	await expect(page.locator('body[data-printed]')).toHaveCount(1);

	await page.getByLabel('Người này yêu cầu thế nào').fill('Bác gọi điện xin rút');
	await page.getByLabel('Chính người này (hoặc người giám hộ) đã yêu cầu rút lại').check();
	await page.getByRole('button', { name: 'Ghi nhận rút lại đồng ý' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã ghi nhận việc rút lại sự đồng ý.');
	await expect(page.getByText('Sự đồng ý đã được rút lại.')).toBeVisible();

	const audit = await who.officer.get(`/api/audit?subject=resident:${person.id}`);
	const actions = (await audit.json()).entries.map((e: { action: string }) => e.action);
	expect(actions).toEqual(
		expect.arrayContaining(['resident.view_data', 'resident.print', 'consent.withdraw'])
	);

	await openHydrated(page, '/quan-tri/du-lieu-ca-nhan');
	await expect(page.getByRole('link', { name: person.fullName })).toBeVisible();
	await page.screenshot({ path: 'test-results/security-yeu-cau.png', fullPage: true });
});

test('a volunteer cannot open a person’s full data page', async ({ page }) => {
	await signIn(page, 'tinhnguyen1', DEMO.pin);
	const r = await page.goto('/cu-dan/1/du-lieu');
	expect(r?.status()).toBe(403);
});

test('every view of a person’s record, on any page or endpoint, leaves an audit row', async () => {
	const who = await contexts(BASE_URL);
	const person = await residentIn(who.officer, 'Khu phố 6', 600);
	// Every GET address about one resident, including those merged later.
	const views = discoverRoutes()
		.filter((r) => /^\/(cu-dan|api\/residents)\/\[[^\]]+\]/.test(r.id) && r.methods.includes('GET'))
		.map((r) => samplePath(r.id, String(person.id)));
	expect(views).toEqual(expect.arrayContaining([`/cu-dan/${person.id}/du-lieu`]));
	const count = async () =>
		(await (await who.officer.get(`/api/audit?subject=resident:${person.id}&limit=1000`)).json())
			.entries.length;
	for (const path of views) {
		const before = await count();
		const r = await who.officer.get(path);
		expect(r.status(), path).toBe(200);
		expect(await count(), `${path} was not audited`).toBeGreaterThan(before);
	}
});

test('the officer filters the audit log on the page by person, action and dd/mm/yyyy days', async ({
	page
}) => {
	const who = await contexts(BASE_URL);
	const person = await residentIn(who.officer, 'Khu phố 5', 500);
	const now = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).split('-');
	const today = `${now[2]}/${now[1]}/${now[0]}`;
	await signIn(page, 'quantri', DEMO.password, '/quan-tri/nhat-ky');
	await openHydrated(page, '/quan-tri/nhat-ky');
	const filters = page.getByRole('form', { name: 'Lọc nhật ký' });
	await filters.getByLabel('Đối tượng').fill(`resident:${person.id}`);
	await filters.getByLabel('Từ ngày').fill(today);
	await filters.getByLabel('Đến ngày').fill(today);
	await filters.getByRole('button', { name: 'Lọc' }).click();
	await expect(page).toHaveURL(/subject=resident/);
	const rows = page.locator('tbody tr');
	await expect(rows.first()).toContainText('Xuất dữ liệu cư dân (JSON)');
	for (const row of await rows.all()) {
		// Found by the stored code, shown by name (the page no longer shows codes).
		await expect(row).toContainText(person.fullName);
		await expect(row).toContainText(today);
	}
	// Every action is named in words, in the filter and in the rows (no codes like card.revoke).
	const code = /^[a-z_]+(\.[a-z_]+)+$/;
	const options = await filters.getByLabel('Việc').locator('option').allTextContents();
	expect(options).toContain('Xuất dữ liệu cư dân (JSON)');
	expect(options.map((o) => o.trim()).filter((o) => code.test(o))).toEqual([]);
	await filters.getByLabel('Từ ngày').fill('31/02/2026');
	await filters.getByRole('button', { name: 'Lọc' }).click();
	await expect(page.getByRole('alert')).toContainText('“Từ ngày”');
});
