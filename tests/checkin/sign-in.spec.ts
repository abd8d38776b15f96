import { expect, test } from '@playwright/test';
import { holdScripts } from '../support/pages';
import { MAX_WAITS, pause, secondsToWait } from '../support/sign-in';

/**
 * The sign-in form on a slow load: volunteers type before the page comes alive, and the
 * hydration emptied the name they had typed ("Please fill out this field." next).
 */
test('a name and PIN typed before the page comes alive stay, and sign in', async ({ page }) => {
	const comeAlive = await holdScripts(page);
	await page.goto('/dang-nhap', { waitUntil: 'commit' });
	const name = page.getByLabel('Tên đăng nhập');
	await name.fill('tinhnguyen3');
	await page.getByLabel('Mật khẩu hoặc mã PIN 6 số').fill('246810');
	await comeAlive();
	await expect(name).toHaveValue('tinhnguyen3');
	for (let waits = 0; ; waits++) {
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		const seconds = await secondsToWait(page);
		if (seconds === undefined || waits === MAX_WAITS) break;
		await pause(seconds);
	}
	await expect(page).toHaveURL(/\/tinh-nguyen$/);
});

test('an empty name or PIN is said in Vietnamese, not by the browser’s bubble', async ({
	page
}) => {
	await page.goto('/dang-nhap');
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByLabel('Mật khẩu hoặc mã PIN 6 số').fill('246810');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Xin nhập tên đăng nhập và mật khẩu hoặc mã PIN.'
	);
	await page.getByLabel('Tên đăng nhập').fill('tinhnguyen3');
	await page.getByLabel('Mật khẩu hoặc mã PIN 6 số').fill('');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Xin nhập tên đăng nhập và mật khẩu hoặc mã PIN.'
	);
	await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('tinhnguyen3');
});
