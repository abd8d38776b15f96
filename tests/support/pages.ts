import { expect, type Page } from '@playwright/test';
import { submitSignIn } from './sign-in';

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
	await openHydrated(page, `/dang-nhap${next ? `?next=${encodeURIComponent(next)}` : ''}`);
	await submitSignIn(page, username, secret);
	await expect(page).not.toHaveURL(/dang-nhap/);
}
