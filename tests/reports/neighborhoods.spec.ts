import { expect, test } from '@playwright/test';
import { DEMO, openHydrated, signIn } from '../support/pages';
import { apiSignIn } from '../support/sign-in';

// Wards merge and split khu phố: the officer adds one and renames it, and everyone's lists
// follow. (A new khu phố only: other tests read the demo ward's eight by name.)
test('the officer adds a khu phố, a near-duplicate is refused, a rename shows everywhere, two merge into one', async ({
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
	await expect(add).toHaveAccessibleDescription('Đã có “Khu phố 9”.');
	await expect(add).toBeFocused();
	await expect(rows).toHaveCount(9);

	await kp9.getByRole('textbox').fill('Khu phố 9 (Đồng Xanh)');
	await kp9.getByRole('button', { name: 'Đổi tên' }).click();
	await expect(kp9.getByRole('status')).toHaveText('Đã đổi tên thành Khu phố 9 (Đồng Xanh).');

	// Volunteers' forms and programs see it under its new name.
	const login = await apiSignIn(request, 'tinhnguyen1', DEMO.pin);
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
	// And from which device, as for accounts (it said "—").
	await expect(entry.locator('td.device')).toContainText('Linux');

	// Two khu phố made one: asked first, then its household moves and its name is gone.
	await openHydrated(page, '/quan-tri/khu-pho');
	await add.fill('Khu phố 10');
	await page.getByRole('button', { name: 'Thêm khu phố' }).click();
	await expect(rows).toHaveCount(10);
	const kp10 = (await (await request.get('/api/neighborhoods')).json()).at(-1) as { id: number };
	const household = await request.post('/api/households', {
		data: { neighborhoodId: kp10.id, address: 'Số 1 đường Gộp', headName: 'Hà Văn Gộp' }
	});
	expect(household.status()).toBe(201);
	await page.reload();
	await page.getByLabel('Gộp khu phố').selectOption({ label: 'Khu phố 10' });
	await page.getByLabel('vào khu phố').selectOption({ label: 'Khu phố 9 (Đồng Xanh)' });
	await page.getByRole('button', { name: 'Gộp…' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Gộp Khu phố 10 (1 hộ, 0 cư dân) vào Khu phố 9 (Đồng Xanh)? Tên Khu phố 10 sẽ không còn; ứng dụng không tách lại được.'
	);
	await expect(rows).toHaveCount(10);
	await page.getByRole('button', { name: 'Gộp', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Đã gộp Khu phố 10 vào Khu phố 9 (Đồng Xanh): 1 hộ đã chuyển sang.'
	);
	await expect(rows).toHaveCount(9);
	await expect(kp9.getByRole('cell', { name: '1', exact: true }).first()).toBeVisible();
	const after = (await (await request.get('/api/neighborhoods')).json()) as Array<{
		id: number;
		name: string;
	}>;
	expect(after.map((n) => n.name)).not.toContain('Khu phố 10');
	await openHydrated(page, '/quan-tri/nhat-ky');
	await expect(
		page.getByRole('row').filter({ hasText: 'Khu phố 10 → Khu phố 9 (Đồng Xanh) (1 hộ)' })
	).toContainText('Gộp khu phố');

	// Programs merge through the API (the officer's own session).
	await apiSignIn(request, 'quantri', DEMO.password);
	const made = await request.post('/api/neighborhoods', { data: { name: 'Khu phố 11' } });
	const kp11 = (await made.json()) as { id: number };
	const kp9id = after.find((n) => n.name === 'Khu phố 9 (Đồng Xanh)')!.id;
	const itself = await request.post(`/api/neighborhoods/${kp9id}/merge`, { data: { into: kp9id } });
	expect([itself.status(), (await itself.json()).reason]).toEqual([400, 'same_neighborhood']);
	const merge = await request.post(`/api/neighborhoods/${kp11.id}/merge`, {
		data: { into: kp9id }
	});
	expect([merge.status(), await merge.json()]).toEqual([200, { id: kp9id, households: 0 }]);
	const again = await request.post(`/api/neighborhoods/${kp11.id}/merge`, {
		data: { into: kp9id }
	});
	expect([again.status(), (await again.json()).reason]).toEqual([404, 'not_found']);

	// A long name with no space to break at keeps a phone's page its width, then merges away.
	const made30 = await request.post('/api/neighborhoods', { data: { name: '1'.repeat(30) } });
	const long = (await made30.json()) as { id: number };
	await page.setViewportSize({ width: 412, height: 915 });
	for (const path of ['/quan-tri/khu-pho', '/cu-dan']) {
		await openHydrated(page, path);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, path).toBeLessThanOrEqual(412);
	}
	const gone = await request.post(`/api/neighborhoods/${long.id}/merge`, {
		data: { into: kp9id }
	});
	expect(gone.status()).toBe(200);
});

test('a refused rename or merge marks the field to correct, says why beside it, and keeps what was typed', async ({
	page
}) => {
	await signIn(page, 'quantri', DEMO.password, '/quan-tri/khu-pho');
	await openHydrated(page, '/quan-tri/khu-pho');
	// Nothing here is saved: other tests read the demo ward's eight khu phố by name.
	const rows = page.locator('tr[data-neighborhood]');
	const count = await rows.count();
	const kp2 = rows.nth(1);
	const name = kp2.getByRole('textbox');
	await expect(name).toHaveValue('Khu phố 2');
	for (const [typed, why] of [
		['khu pho 1', 'Đã có “Khu phố 1”.'],
		['   ', 'Xin ghi tên khu phố (2–60 ký tự).']
	]) {
		await name.fill(typed);
		await kp2.getByRole('button', { name: 'Đổi tên' }).click();
		await expect(kp2.getByRole('alert')).toHaveText(why);
		// The field said nothing and the focus stayed on the button: the officer read the
		// line but had to find the field again.
		await expect(name).toHaveAttribute('aria-invalid', 'true');
		await expect(name).toHaveAccessibleDescription(why);
		await expect(name).toBeFocused();
		await expect(name).toHaveValue(typed);
	}
	await name.fill('Khu phố 2');
	await kp2.getByRole('button', { name: 'Đổi tên' }).click();
	await expect(kp2.getByRole('status')).toHaveText('Tên không đổi.');
	await expect(name).not.toHaveAttribute('aria-invalid', 'true');

	const from = page.getByRole('combobox', { name: 'Gộp khu phố' });
	const into = page.getByRole('combobox', { name: 'vào khu phố' });
	await from.selectOption({ label: 'Khu phố 3' });
	await into.selectOption({ label: 'Khu phố 3' });
	await page.getByRole('button', { name: 'Gộp…' }).click();
	await expect(page.getByRole('alert')).toHaveText('Xin chọn hai khu phố khác nhau.');
	await expect(into).toHaveAttribute('aria-invalid', 'true');
	await expect(into).toHaveAccessibleDescription('Xin chọn hai khu phố khác nhau.');
	await expect(into).toBeFocused();
	await expect(from).not.toHaveAttribute('aria-invalid', 'true');
	await expect(from.locator('option:checked')).toHaveText('Khu phố 3');
	await expect(rows).toHaveCount(count);
});
