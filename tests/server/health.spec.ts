import { expect, test } from '@playwright/test';
import { DEMO, signIn } from '../support/pages';
import { apiSignIn, MAX_WAITS, pause } from '../support/sign-in';

test('health reports the store with the demo ward in it', async ({ request }) => {
	const response = await request.get('/api/health');
	expect(response.status()).toBe(200);
	const body = await response.json();
	expect(body.ok).toBe(true);
	expect(typeof body.version).toBe('string');
	expect(body.store.residents).toBeGreaterThan(1000);
	expect(body.store.snapshotAgeSeconds).toBeGreaterThanOrEqual(0);
	expect(body.store.journalOps).toBeGreaterThanOrEqual(0);
});

test('a head signs in through the form and lands on the reports', async ({ page }) => {
	await signIn(page, 'truongkhu1', DEMO.password);
	await expect(page).toHaveURL(/\/bao-cao/);
});

test('a wrong password is refused with a Vietnamese message', async ({ page }) => {
	const alert = page.getByRole('alert');
	// The suite signs in from one address: its allowance may be spent; then wait as asked.
	for (let waits = 0; ; waits++) {
		await page.goto('/dang-nhap');
		await page.locator('html[data-hydrated]').waitFor();
		await page.getByLabel('Tên đăng nhập').fill('truongkhu1');
		await page.getByLabel('Mật khẩu hoặc mã PIN 6 số').fill('sai-mat-khau');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		const said = (await alert.textContent()) ?? '';
		const wait = /Xin đợi (\d+) giây/.exec(said);
		if (!wait || waits === MAX_WAITS) break;
		await pause(Number(wait[1]));
	}
	await expect(alert).toContainText('chưa đúng');
});

test('the JSON sign-in answers 401 with a reason for a wrong PIN', async ({ request }) => {
	const response = await apiSignIn(request, 'tinhnguyen1', '000000');
	expect(response.status()).toBe(401);
	expect((await response.json()).reason).toBe('bad_credentials');
});
