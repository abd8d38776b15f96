import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openHydrated } from '../support/pages';
import { apiAs, newResident, nonce, launchWithCardInCamera } from './support';

test('after a lesson a card shown to the kiosk camera is recorded, and no name appears', async () => {
	const testInfo = test.info();
	const baseURL = testInfo.project.use.baseURL!;
	const api = await apiAs(baseURL);
	const resident = await newResident(api, 'Trương Thị Kiều');
	const browser = await launchWithCardInCamera(resident.cardCode);
	try {
		const context = await browser.newContext({
			baseURL,
			viewport: { width: 1920, height: 1080 },
			hasTouch: true,
			permissions: ['camera'],
			locale: 'vi-VN'
		});
		const page = await context.newPage();
		// Nobody signs in at the kiosk.
		await openHydrated(page, '/bai-hoc/vneid-kich-hoat/ghi-nhan?tram=tram-1');
		const done = page.locator('[data-result="ok"]');
		await expect(done).toContainText('Đã ghi nhận', { timeout: 15_000 });
		await expect(page.locator('body')).not.toContainText('Trương Thị Kiều');
		await page.screenshot({ path: testInfo.outputPath('kiosk-recorded.png') });
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
	} finally {
		await browser.close();
	}
});

test('the kiosk completion API answers without a name and refuses bad cards', async ({
	request
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const resident = await newResident(api, 'Mạc Văn Tư');
	const send = (code: string, n = nonce()) =>
		request.post('/api/kiosk/completions', {
			data: { code, walkthroughId: 'tien-dien', kiosk: 'tram-1', nonce: n }
		});
	const ok = await send(resident.cardCode);
	expect(ok.status()).toBe(201);
	const text = await ok.text();
	expect(text).toContain('Đã ghi nhận');
	expect(text).not.toContain('Mạc');

	expect((await send('<script>')).status()).toBe(400);
	expect((await send('THS' + '3'.repeat(26))).status()).toBe(404);
	await api.post(`/api/residents/${resident.id}/cards`, { data: { action: 'reissue' } });
	const revoked = await send(resident.cardCode);
	expect(revoked.status()).toBe(410);
	expect((await revoked.json()).reason).toBe('revoked');
	const noLesson = await request.post('/api/kiosk/completions', {
		data: { code: resident.cardCode }
	});
	expect(noLesson.status()).toBe(400);
});

test('volunteer and resident pages at phone size have no axe violations', async ({
	page
}, testInfo) => {
	const { signIn } = await import('../support/pages');
	const api = await apiAs(testInfo.project.use.baseURL!);
	const resident = await newResident(api, 'Cao Thị Lan');
	await signIn(page, 'tinhnguyen2', '246810');
	for (const path of [
		'/tinh-nguyen',
		`/cu-dan/${resident.id}`,
		'/cu-dan/ho-moi',
		'/cu-dan?q=cao+thi+lan',
		'/cu-dan/1/ky-nang'
	]) {
		await openHydrated(page, path);
		// The page keeps the phone's width: nothing makes the browser zoom out.
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, path).toBeLessThanOrEqual(412);
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
	}
});
