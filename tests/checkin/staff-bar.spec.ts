import { expect, request, test, type Page } from '@playwright/test';
import { DEMO, openHydrated, signIn } from '../support/pages';

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
});
