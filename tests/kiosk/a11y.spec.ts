import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PHRASES } from '../../src/lib/voice/phrases.js';
import { Kiosk } from './kiosk-page';

/** axe-core with WCAG A/AA (and AAA contrast, 7:1): no serious or critical violation. */
async function expectAccessible(page: Page, where: string) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag2aaa', 'best-practice'])
		.analyze();
	const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(
		bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
		where
	).toEqual([]);
}

/** Every visible button and link is at least 76×76 CSS px; every text at least 24 px. */
async function expectKioskSizes(page: Page, where: string) {
	const problems = await page.evaluate(() => {
		const out: string[] = [];
		const visible = (el: Element) => {
			const r = el.getBoundingClientRect();
			return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
		};
		for (const el of document.querySelectorAll('.kiosk button, .kiosk a')) {
			if (!visible(el)) continue;
			const r = el.getBoundingClientRect();
			if (r.width < 76 || r.height < 76) {
				out.push(
					`target ${Math.round(r.width)}×${Math.round(r.height)}: ${el.textContent?.trim()}`
				);
			}
		}
		const walker = document.createTreeWalker(
			document.querySelector('.kiosk')!,
			NodeFilter.SHOW_TEXT
		);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const parent = n.parentElement!;
			if (!n.textContent?.trim() || !visible(parent)) continue;
			if (parent.closest('.visually-hidden')) continue;
			const px = parseFloat(getComputedStyle(parent).fontSize);
			if (px < 24) out.push(`text ${px}px: ${n.textContent.trim().slice(0, 40)}`);
		}
		return out;
	});
	expect(problems, where).toEqual([]);
}

test('home, topic, step, practice and quiz screens pass axe and the kiosk size rules', async ({
	page
}) => {
	// axe over five screens is slow on a busy 2-core machine.
	test.setTimeout(240_000);
	const k = new Kiosk(page);
	await k.open('/');
	await expectAccessible(page, 'home');
	await expectKioskSizes(page, 'home');

	await k.open('/chu-de/dich-vu-cong');
	await expectAccessible(page, 'topic');
	await expectKioskSizes(page, 'topic');

	await k.open('/bai-hoc/vneid-kich-hoat');
	await expectAccessible(page, 'step');
	await expectKioskSizes(page, 'step');

	await k.tap(k.next);
	await k.progress(2, 8);
	await k.tap(k.sim('app'));
	await k.tap(k.sim('app'));
	await expect(k.sim('install')).toHaveClass(/highlight/);
	await expectAccessible(page, 'practice');
	await expectKioskSizes(page, 'practice');

	await k.open('/bai-hoc/nhan-dien-lua-dao');
	for (let i = 0; i < 4; i++) {
		if (i === 1) await k.tap(k.sim('decline'));
		if (i === 2) {
			await expect(page.getByTestId('points')).toBeVisible();
			await expectAccessible(page, 'points');
			await expectKioskSizes(page, 'points');
		}
		if (i === 3) await k.tap(k.sim('delete'));
		await k.tap(k.next);
	}
	await expect(page.getByRole('group', { name: 'Có phải lừa đảo không?' })).toBeVisible();
	await expectAccessible(page, 'quiz');
	await expectKioskSizes(page, 'quiz');
});

test(
	'a lesson that is not there says so in words, keeps the kiosk bar, and leads home',
	{ tag: '@size-blind' },
	async ({ page }, testInfo) => {
		const k = new Kiosk(page);
		const response = await page.goto('/bai-hoc/bai-da-bo');
		expect(response?.status()).toBe(404);
		await page.locator('html[data-hydrated]').waitFor();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang này');
		await expect(page.getByText('Không có bài học này.')).toBeVisible();
		await expect(page.getByText('404')).toHaveCount(0);
		// The kiosk has no browser bar: its own bar and one big way home are all there is.
		await expect(k.button('Gọi tình nguyện viên')).toBeVisible();
		await expectAccessible(page, 'lesson not found');
		await expectKioskSizes(page, 'lesson not found');
		await page.screenshot({ path: testInfo.outputPath('lesson-not-found.png') });

		await k.tap(page.getByRole('main').getByRole('link', { name: 'Về trang chủ' }));
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('heading', { name: 'Bác muốn học gì hôm nay?' })).toBeVisible();
	}
);

test(
	'on the card page without a camera a resident reads what to do, in the kiosk’s words',
	{ tag: '@size-blind' },
	async ({ page }) => {
		const k = new Kiosk(page);
		await k.open('/bai-hoc/vssid/ghi-nhan');
		// This machine has no camera at all: no browser setting can change that, so nobody is
		// asked to allow one, and no "Bật camera" button promises it.
		await expect(page.getByText('Trạm này không có camera.')).toBeVisible();
		await expect(page.getByText(/cho phép/)).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Bật camera' })).toHaveCount(0);
		await expect(page.getByText(/trước camera/)).toHaveCount(0);
		await expect(
			page.getByText('Nếu trạm có máy quét thẻ, bác đưa thẻ vào máy quét.')
		).toBeVisible();
		await expect(page.getByText('Hoặc bác bấm “Gọi tình nguyện viên” nhé.')).toBeVisible();
		// The volunteer's tools are not the resident's.
		await expect(page.getByText(/máy quét USB hay tìm tên/)).toHaveCount(0);
		await expect(
			page.getByText('Chưa có thẻ? Bác nhờ tình nguyện viên làm thẻ cho bác.')
		).toBeVisible();
		// And its voice says the same, after the first "giơ thẻ trước camera" it could not keep.
		await k.expectSaid(PHRASES.noCamera);
		expect((await k.narrations()).at(-1)).toBe(PHRASES.noCamera);
	}
);
