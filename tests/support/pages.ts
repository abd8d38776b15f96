import { expect, type Page } from '@playwright/test';
import { MAX_WAITS, pause, secondsToWait } from './sign-in';

/** Opens a page and waits until SvelteKit has hydrated it (see STACK.md: hydration race). */
export async function openHydrated(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor();
}

export const DEMO = {
	password: 'hatu2026',
	pin: '246810'
} as const;

/** Signs in through the real form, as a person would. */
export async function signIn(
	page: Page,
	username: string,
	secret: string,
	next = ''
): Promise<void> {
	// Each try on a freshly opened form: a refused one comes back without the secret, and with
	// its message still showing while the next answer is on its way.
	for (let waits = 0; ; waits++) {
		await openHydrated(page, `/dang-nhap${next ? `?next=${encodeURIComponent(next)}` : ''}`);
		await page.getByLabel('Tên đăng nhập').fill(username);
		await page.getByLabel('Mật khẩu hoặc mã PIN 6 số').fill(secret);
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		const seconds = await secondsToWait(page);
		if (seconds === undefined || waits === MAX_WAITS) break;
		await pause(seconds);
	}
	await expect(page).not.toHaveURL(/dang-nhap/);
}
