import { expect, request, test, type Page } from '@playwright/test';
import { DEMO, openHydrated, signIn } from '../support/pages';
import { helpCall, helpCallsChosenByTest } from './support';

const places = (page: Page) =>
	page.getByRole('navigation', { name: 'Trang làm việc' }).getByRole('link');

test('each role sees the places it may open, and every one of them opens', async ({ page }) => {
	const expected: Array<[string, string, string[]]> = [
		['tinhnguyen3', DEMO.pin, ['Buổi học', 'Cư dân']],
		['truongkhu2', DEMO.password, ['Buổi học', 'Cư dân', 'Báo cáo']],
		['quantri', DEMO.password, ['Buổi học', 'Cư dân', 'Báo cáo', 'Quản trị']]
	];
	for (const [username, secret, links] of expected) {
		await page.context().clearCookies();
		await signIn(page, username, secret);
		await expect(places(page)).toHaveText(links);
		for (const name of links) {
			const link = places(page).getByText(name, { exact: true });
			await link.click();
			await expect(link).toHaveAttribute('aria-current', 'page');
			await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(
				/không mở được|Không tìm thấy/
			);
			// The bar fits a phone: nothing pushes the page sideways.
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width, `${username} on ${page.url()}`).toBeLessThanOrEqual(412);
		}
	}
});

test('a volunteer signs out on a shared phone, and the next person cannot use their access', async ({
	page
}, testInfo) => {
	await signIn(page, 'tinhnguyen4', DEMO.pin);
	await openHydrated(page, '/cu-dan');
	const cookie = (await page.context().cookies()).find((c) => c.name === 'ths_session')!;
	await expect(page.getByText('Tình nguyện viên 4')).toBeVisible();

	await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
	await expect(page).toHaveURL(/\/dang-nhap\?da-dang-xuat$/);
	await expect(page.getByRole('status')).toHaveText(
		'Đã đăng xuất. Máy này không còn mở trang làm việc của bạn.'
	);
	await expect(page.getByRole('navigation', { name: 'Trang làm việc' })).toHaveCount(0);
	await page.screenshot({ path: testInfo.outputPath('signed-out.png') });

	// Back on the resident list: the sign-in page again.
	await page.goto('/cu-dan');
	await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fcu-dan$/);

	// The old session is over on the server too, not only forgotten by this browser.
	const stolen = await request.newContext({
		baseURL: testInfo.project.use.baseURL,
		extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` }
	});
	expect((await stolen.get('/api/residents?q=nguyen')).status()).toBe(401);
});

test('the kiosk’s own pages never show the staff bar, even to a signed-in volunteer', async ({
	page
}) => {
	await signIn(page, 'tinhnguyen1', DEMO.pin);
	await openHydrated(page, '/');
	await expect(page.getByRole('navigation', { name: 'Trang làm việc' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Đăng xuất', exact: true })).toHaveCount(0);
	// Nor the kiosks' calls for help: the resident at the kiosk is the one calling.
	await page.request.post('/api/kiosk/help');
	await page.reload();
	await expect(page.getByRole('region', { name: 'Trạm đang gọi tình nguyện viên' })).toHaveCount(0);
});

test('a kiosk’s call reaches the staff bar on every page, buzzes once, and “Ẩn” puts that call away for two minutes', async ({
	page
}) => {
	// The calls the staff bar reads; its own look every 10 s brings them.
	let open: ReturnType<typeof helpCall>[] = [];
	await helpCallsChosenByTest(page, () => open);
	await page.addInitScript(() => {
		const w = window as unknown as { buzzes: unknown[] };
		w.buzzes = [];
		navigator.vibrate = (pattern) => (w.buzzes.push(pattern), true);
	});
	const buzzes = () => page.evaluate(() => (window as unknown as { buzzes: unknown[] }).buzzes);
	const calls = page.getByRole('region', { name: 'Trạm đang gọi tình nguyện viên' });
	const ninth = calls.getByRole('listitem').filter({ hasText: 'Nhà văn hoá khu phố 9' });

	await signIn(page, 'tinhnguyen4', DEMO.pin);
	// The bar looks every 10 s; the page's clock is the test's.
	await page.clock.install();
	await openHydrated(page, '/the-qr');
	await expect(ninth).toHaveCount(0);
	open = [helpCall(900_001, 'Nhà văn hoá khu phố 9')];
	await page.clock.runFor(10_500);
	await expect(ninth).toContainText(/Nhà văn hoá khu phố 9 gọi tình nguyện viên lúc \d{2}:\d{2}/);
	await expect(ninth.getByRole('button', { name: 'Tôi đến ngay' })).toBeVisible();
	expect(await buzzes()).toHaveLength(1);

	// Another page: the same call, already heard, does not buzz again.
	await places(page).getByText('Cư dân', { exact: true }).click();
	await expect(page).toHaveURL(/\/cu-dan$/);
	await expect(ninth).toBeVisible();
	await page.clock.runFor(10_500);
	expect(await buzzes()).toHaveLength(1);

	await ninth.getByRole('button', { name: 'Ẩn' }).click();
	await expect(ninth).toHaveCount(0);
	// Still open on the server, yet it stays away: after the next look, and after a reload.
	await page.clock.runFor(10_500);
	await expect(ninth).toHaveCount(0);
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await page.clock.runFor(10_500);
	await expect(ninth).toHaveCount(0);

	// A new call shows again, and buzzes.
	open = [...open, helpCall(900_002, 'Nhà văn hoá khu phố 8')];
	const before = (await buzzes()).length;
	await page.clock.runFor(10_500);
	await expect(
		calls.getByRole('listitem').filter({ hasText: 'Nhà văn hoá khu phố 8' })
	).toBeVisible();
	expect((await buzzes()).length).toBe(before + 1);

	// Not for good: still unanswered two minutes on (the resident may have asked again, which
	// the kiosk counts as the same call), it is back, and buzzes.
	await page.clock.runFor(120_000);
	await expect(ninth).toBeVisible();
	expect((await buzzes()).length).toBe(before + 2);
});
