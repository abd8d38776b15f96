import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, openHydrated } from '../support/pages';
import { apiSignIn } from '../support/sign-in';

/** Signed in through the API (the form has its own tests): these tests are about the pages. */
async function signIn(page: Page, user: string, secret: string) {
	expect((await apiSignIn(page.request, user, secret)).status()).toBe(200);
}

for (const [user, secret, path] of [
	['quantri', DEMO.password, '/bao-cao'],
	['truongkhu5', DEMO.password, '/bao-cao/ngay'],
	['truongkhu5', DEMO.password, '/bao-cao/chua-tiep-can'],
	['tinhnguyen1', DEMO.pin, '/cu-dan/1/ky-nang'],
	['quantri', DEMO.password, '/quan-tri/muc-tieu'],
	['quantri', DEMO.password, '/quan-tri/khu-pho']
] as const) {
	test(`${path} has no accessibility violations`, async ({ page }) => {
		await signIn(page, user, secret);
		await openHydrated(page, path);
		const results = await new AxeBuilder({ page }).analyze();
		expect(
			results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
		).toEqual([]);
	});
}

test.describe('on a phone', () => {
	test.use({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });

	for (const [user, path] of [
		['truongkhu1', '/bao-cao'],
		['truongkhu1', '/bao-cao/ngay'],
		['quantri', '/bao-cao'],
		['quantri', '/bao-cao/ngay'],
		['quantri', '/bao-cao/chua-tiep-can'],
		['quantri', '/quan-tri'],
		['quantri', '/quan-tri/tai-khoan'],
		['quantri', '/quan-tri/nhat-ky'],
		['quantri', '/quan-tri/muc-tieu'],
		['quantri', '/quan-tri/khu-pho']
	] as const) {
		test(`${path} keeps the phone's width for ${user}; wide tables scroll in their own box`, async ({
			page
		}) => {
			await signIn(page, user, DEMO.password);
			await openHydrated(page, path);
			// The page never scrolls sideways: a head reads it on a phone, at full size.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				412
			);
			// The comparison of khu phố is a card a khu phố on a phone (and one for the ward's
			// total): nothing in it runs past the screen's edge.
			if (user === 'quantri' && path === '/bao-cao') {
				const compare = page.getByRole('region', { name: 'Bảng so sánh các khu phố' });
				expect(await compare.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
				await expect(compare.getByRole('row', { name: /Toàn phường/ })).toBeVisible();
			}
			// A table wider than the phone says so above it: nothing else showed that its last
			// columns (a class's "Số người", the accounts' buttons) were there.
			const wide = await page
				.locator('.table-scroll')
				.evaluateAll((all) => all.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
			await expect(page.getByText(/^(Bảng|Biểu đồ) rộng hơn màn hình/)).toHaveCount(wide);
			if (path === '/bao-cao') {
				await expect(page.getByText(/^Biểu đồ rộng hơn màn hình/)).toBeVisible();
			}
			if (user === 'quantri' && path === '/bao-cao') expect(wide).toBeGreaterThan(0);
			// The officer's accounts are cards on a phone: every button on the screen.
			if (path === '/quan-tri/tai-khoan') {
				expect(wide).toBe(0);
				const stop = page.getByRole('button', { name: 'Ngừng tài khoản' }).first();
				const box = (await stop.boundingBox())!;
				expect(box.x + box.width).toBeLessThanOrEqual(412);
			}
			if (path === '/quan-tri/nhat-ky') {
				const csv = page.getByRole('link', { name: 'Tải về bảng tính (CSV)' });
				expect((await csv.boundingBox())!.height).toBeGreaterThanOrEqual(44);
			}
			// The trend chart keeps its numbers readable (it scrolls rather than shrinks).
			if (path === '/bao-cao') {
				const ticks = page.getByRole('region', { name: 'Biểu đồ xu hướng' }).locator('text');
				const heights = await ticks.evaluateAll((all) =>
					all.map((t) => t.getBoundingClientRect().height)
				);
				expect(Math.min(...heights)).toBeGreaterThanOrEqual(12);
			}
			// The A4 sheet reflows to the phone's width rather than being cut or shrunk to fit.
			if (path === '/bao-cao/ngay') {
				const sheet = await page.locator('article').boundingBox();
				expect(sheet!.x).toBeGreaterThanOrEqual(0);
				expect(sheet!.x + sheet!.width).toBeLessThanOrEqual(412);
				const sizes = await page
					.getByRole('cell')
					.evaluateAll((all) => all.map((td) => parseFloat(getComputedStyle(td).fontSize)));
				expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
			}
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => v.id)).toEqual([]);
		});
	}

	// What a head taps on these pages: the way back, the days, the downloads, the print buttons,
	// the sortable headers. Each page is opened on yesterday (Vietnam's day, UTC+7), so 'Hôm sau →'
	// and 'Hôm nay' are there too.
	const back = '← Về trang tổng hợp';
	const days = ['← Hôm trước', 'Hôm sau →', 'Hôm nay'];
	const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
	for (const [path, names] of [
		['/bao-cao', [...days, 'Báo cáo ngày (in A4)', 'Tải CSV', 'Tải Excel (XLSX)']],
		['/bao-cao/ngay', [back, ...days, 'In báo cáo (A4)', 'Tải CSV', 'Tải Excel (XLSX)']],
		['/bao-cao/chua-tiep-can', [back, 'In danh sách']]
	] as const) {
		test(`${path}: what a head taps is at least 44 × 44 px`, async ({ page }) => {
			await signIn(page, 'truongkhu1', DEMO.password);
			await openHydrated(page, `${path}?date=${yesterday}`);
			const named = names.map((name) =>
				page
					.getByRole('link', { name, exact: true })
					.or(page.getByRole('button', { name, exact: true }))
			);
			const sorts = page
				.getByRole('region', { name: 'Bảng hộ chưa được tiếp cận' })
				.getByRole('columnheader')
				.getByRole('link');
			// A head's list has no khu phố column: address, head of household, members.
			if (path !== '/bao-cao/ngay') await expect(sorts).toHaveCount(3);
			const targets = [...named, ...(await sorts.all())];
			for (const target of targets) {
				// Every box of it: a link broken over two lines is two short targets, not one tall one.
				const boxes = await target.evaluate((el) =>
					[...el.getClientRects()].map((r) => [r.width, r.height])
				);
				const what = `${await target.textContent()}: ${JSON.stringify(boxes)}`;
				expect(boxes.length, what).toBe(1);
				expect(Math.min(...boxes[0]), what).toBeGreaterThanOrEqual(44);
			}
		});
	}
});
