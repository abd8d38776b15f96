import { expect, type Page } from '@playwright/test';
import { MAX_WAITS, pause, secondsToWait } from './sign-in';

/** Opens a page and waits until SvelteKit has hydrated it (see STACK.md: hydration race). */
export async function openHydrated(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor();
}

/**
 * Holds the page's scripts back, as a slow phone's network does: the page is drawn from the
 * server's HTML and can be typed into, but it is not alive yet. The function returned lets
 * the scripts load and waits until the page has hydrated.
 */
export async function holdScripts(page: Page): Promise<() => Promise<void>> {
	const scripts = '**/_app/immutable/**/*.js';
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(scripts, async (route) => {
		await held;
		await route.continue();
	});
	return async () => {
		// Else what the test typed was not typed before hydration at all.
		expect(await page.locator('html[data-hydrated]').count()).toBe(0);
		release();
		await page.locator('html[data-hydrated]').waitFor();
		await page.unroute(scripts);
	};
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
