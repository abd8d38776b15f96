import { expect, test, type Page } from '@playwright/test';
import { DEMO, openHydrated } from '../support/pages';
import { apiSignIn } from '../support/sign-in';

/**
 * Heads read their reports on an office PC and on their phone: every line of text on screen
 * is at least 16 px (the chart's drawing excepted: it scrolls sideways at its own size).
 * Paper keeps its own sizes (print.spec.ts).
 */
async function smallText(page: Page): Promise<string[]> {
	return page.locator('main').evaluate((main) => {
		const out: string[] = [];
		for (const el of main.querySelectorAll('*')) {
			const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
			if (!own || el.closest('svg, .visually-hidden')) continue;
			const style = getComputedStyle(el);
			const box = el.getBoundingClientRect();
			if (style.visibility === 'hidden' || box.width === 0) continue;
			const size = parseFloat(style.fontSize);
			if (size < 16) out.push(`${size.toFixed(1)} px: ${el.textContent!.trim().slice(0, 40)}`);
		}
		return out;
	});
}

for (const viewport of [
	{ width: 1366, height: 768 },
	{ width: 412, height: 915 }
]) {
	test.describe(`at ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport });
		for (const [user, path] of [
			['truongkhu1', '/bao-cao'],
			['truongkhu1', '/bao-cao/ngay'],
			['truongkhu1', '/bao-cao/chua-tiep-can'],
			['quantri', '/bao-cao'],
			['quantri', '/bao-cao/ngay'],
			['quantri', '/bao-cao/chua-tiep-can']
		] as const) {
			test(`${path} for ${user}: no text under 16 px on screen`, async ({ page }) => {
				expect((await apiSignIn(page.request, user, DEMO.password)).status()).toBe(200);
				await openHydrated(page, path);
				expect(await smallText(page)).toEqual([]);
			});
		}
	});
}
