import { expect, test } from '@playwright/test';
import { DEMO, openHydrated, signIn } from '../support/pages';

// Wards merge and split khu phố: the officer adds one and renames it, and everyone's lists
// follow. (A new khu phố only: other tests read the demo ward's eight by name.)
test('the officer adds a khu phố, a near-duplicate is refused, and a rename shows everywhere', async ({
	page,
	request
}) => {
	await signIn(page, 'quantri', DEMO.password, '/quan-tri');
	await openHydrated(page, '/quan-tri');
	await page
		.getByRole('navigation', { name: 'Công cụ quản trị' })
		.getByRole('link', { name: 'Khu phố' })
		.click();
	await expect(page.getByRole('heading', { name: 'Khu phố', level: 1 })).toBeVisible();
	const rows = page.locator('tr[data-neighborhood]');
	await expect(rows).toHaveCount(8);
	await expect(rows.first()).toContainText('50');

	const add = page.getByRole('textbox', { name: 'Tên khu phố mới' });
	await add.fill('Khu phố 9');
	await page.getByRole('button', { name: 'Thêm khu phố' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã thêm Khu phố 9.');
	await expect(rows).toHaveCount(9);
	const kp9 = rows.last();
	await expect(kp9.getByRole('textbox')).toHaveValue('Khu phố 9');
	await expect(kp9).toContainText('Chưa có');

	// The same name without diacritics is the same khu phố to a reader: refused, typed text kept.
	await add.fill('khu pho 9');
	await page.getByRole('button', { name: 'Thêm khu phố' }).click();
	await expect(page.getByRole('alert')).toHaveText('Đã có “Khu phố 9”.');
	await expect(add).toHaveValue('khu pho 9');
	await expect(rows).toHaveCount(9);

	await kp9.getByRole('textbox').fill('Khu phố 9 (Đồng Xanh)');
	await kp9.getByRole('button', { name: 'Đổi tên' }).click();
	await expect(kp9.getByRole('status')).toHaveText('Đã đổi tên thành Khu phố 9 (Đồng Xanh).');

	// Volunteers' forms and programs see it under its new name.
	const login = await request.post('/api/auth/login', {
		data: { username: 'tinhnguyen1', secret: DEMO.pin }
	});
	expect(login.status()).toBe(200);
	const list = (await (await request.get('/api/neighborhoods')).json()) as Array<{ name: string }>;
	expect(list.at(-1)?.name).toBe('Khu phố 9 (Đồng Xanh)');
	// Only the officer adds one.
	const refused = await request.post('/api/neighborhoods', { data: { name: 'Khu phố 10' } });
	expect(refused.status()).toBe(403);

	// The log names what was done, in Vietnamese.
	await openHydrated(page, '/quan-tri/nhat-ky');
	const entry = page.getByRole('row').filter({ hasText: 'Khu phố 9 → Khu phố 9 (Đồng Xanh)' });
	await expect(entry).toContainText('Đổi tên khu phố');
});
