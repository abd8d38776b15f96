import { expect, test, type Page } from '@playwright/test';
import { holdScripts } from '../support/pages';
import { apiSignIn } from '../support/sign-in';
import { apiAs, newResident } from './support';

/**
 * On a slow phone a form is typed into before its page comes alive, and the hydration put
 * the server's values back over what was typed: the fields empty, the consent's choice gone,
 * a list back at its first choice (src/lib/components/form-snapshot.ts says the rule). What
 * was typed must still be there once the page is alive, and send as it would have.
 */

async function signedIn(page: Page, username: string, secret: string) {
	expect((await apiSignIn(page.request, username, secret)).status()).toBe(200);
}

test('a member typed into a household’s form before the page comes alive stays, and is added', async ({
	page
}, testInfo) => {
	// Khu phố 6: the reports' tests count Khu phố 1's households.
	const head = await newResident(await apiAs(testInfo.project.use.baseURL!), 'Đinh Văn Sớm', 6);
	await signedIn(page, 'tinhnguyen2', '246810');
	const comeAlive = await holdScripts(page);
	await page.goto(`/cu-dan/ho/${head.householdId}`, { waitUntil: 'commit' });
	await page.getByLabel('Họ và tên').fill('Đinh Thị Mai');
	await page.getByLabel('Năm sinh').fill('2015');
	await page.getByLabel('Số điện thoại').fill('0912 345 678');
	await page.getByLabel('Quan hệ với chủ hộ').fill('Con gái');
	await page.getByRole('radio', { name: 'Người giám hộ đồng ý' }).check();
	// Before the page is alive the guardian's field is always there.
	await page.getByLabel('Họ tên người giám hộ').fill('Đinh Văn Sớm');
	await page.getByLabel('Người nhận sự đồng ý').fill('Tình nguyện viên 2 và chị Hoà');
	await comeAlive();

	// Everything is still there: it was emptied, the choice untaken, the name given back.
	await expect(page.getByLabel('Họ và tên')).toHaveValue('Đinh Thị Mai');
	await expect(page.getByLabel('Năm sinh')).toHaveValue('2015');
	await expect(page.getByLabel('Số điện thoại')).toHaveValue('0912 345 678');
	await expect(page.getByLabel('Quan hệ với chủ hộ')).toHaveValue('Con gái');
	await expect(page.getByRole('radio', { name: 'Người giám hộ đồng ý' })).toBeChecked();
	await expect(page.getByLabel('Người nhận sự đồng ý')).toHaveValue(
		'Tình nguyện viên 2 và chị Hoà'
	);
	// And the page follows it as if typed now: the guardian's field stays (the live page
	// shows it for the guardian's consent only), the hint about a child is said.
	await expect(page.getByLabel('Họ tên người giám hộ')).toHaveValue('Đinh Văn Sớm');
	await expect(page.getByLabel('Họ tên người giám hộ')).toBeVisible();
	await expect(page.getByTestId('guardian-hint')).toContainText('Sinh năm 2015');

	await page.getByRole('button', { name: 'Thêm thành viên' }).tap();
	await expect(page.getByRole('status')).toHaveText('Đã thêm Đinh Thị Mai.');
	await expect(page.getByRole('link', { name: 'Đinh Thị Mai' })).toBeVisible();
	// Saved, the form is emptied for the next member as before, the volunteer's name back.
	await expect(page.getByLabel('Họ và tên')).toHaveValue('');
	await expect(page.getByRole('radio', { name: 'Người giám hộ đồng ý' })).not.toBeChecked();
	await expect(page.getByLabel('Người nhận sự đồng ý')).toHaveValue('Tình nguyện viên 2');
	await page.getByRole('link', { name: 'Đinh Thị Mai' }).tap();
	await expect(
		page.getByText('Người giám hộ đồng ý (Đinh Văn Sớm) — Tình nguyện viên 2 và chị Hoà')
	).toBeVisible();
});

test('a new household typed before the page comes alive keeps its khu phố and address, and is saved', async ({
	page
}) => {
	await signedIn(page, 'tinhnguyen2', '246810');
	const comeAlive = await holdScripts(page);
	await page.goto('/cu-dan/ho-moi', { waitUntil: 'commit' });
	const address = `Số 12 ngõ Sớm ${Date.now()}`;
	await page.getByLabel('Khu phố').selectOption({ label: 'Khu phố 6' });
	await page.getByLabel('Địa chỉ').fill(address);
	await page.getByLabel('Họ và tên').fill('Kiều Văn Sớm');
	await page.getByLabel('Năm sinh').fill('1958');
	await page.getByRole('radio', { name: 'Ký giấy đồng ý' }).check();
	await comeAlive();

	await expect(page.getByLabel('Khu phố')).toHaveValue('6');
	await expect(page.getByLabel('Địa chỉ')).toHaveValue(address);
	await expect(page.getByLabel('Họ và tên')).toHaveValue('Kiều Văn Sớm');
	await expect(page.getByLabel('Năm sinh')).toHaveValue('1958');
	await expect(page.getByRole('radio', { name: 'Ký giấy đồng ý' })).toBeChecked();

	await page.getByRole('button', { name: 'Lưu hộ và chủ hộ' }).tap();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hộ Kiều Văn Sớm');
	await expect(page.getByText('Đã lưu hộ mới.')).toBeVisible();
	await expect(page.getByText(address)).toBeVisible();
	await expect(page.getByRole('link', { name: '‹ Khu phố 6' })).toBeVisible();
});

test('a new account typed before the page comes alive keeps its name and role, and is created', async ({
	page
}) => {
	await signedIn(page, 'quantri', 'hatu2026');
	const comeAlive = await holdScripts(page);
	await page.goto('/quan-tri/tai-khoan', { waitUntil: 'commit' });
	const form = page.getByRole('region', { name: 'Tạo tài khoản' });
	await form.getByLabel('Tên đăng nhập').fill('truong.som');
	await form.getByLabel('Họ tên').fill('Lâm Thị Sớm');
	await form.getByLabel('Vai trò').selectOption({ label: 'Trưởng khu phố' });
	await comeAlive();

	await expect(form.getByLabel('Tên đăng nhập')).toHaveValue('truong.som');
	await expect(form.getByLabel('Họ tên')).toHaveValue('Lâm Thị Sớm');
	// The role is followed as if chosen now: a head's form, with its khu phố and a password.
	await expect(form.getByLabel('Vai trò')).toHaveValue('head');
	await form.locator('select[name=neighborhoodId]').selectOption({ label: 'Khu phố 8' });
	await form.getByLabel('Mật khẩu (từ 8 ký tự, có chữ và số)').fill('somhon2026');
	await form.getByRole('button', { name: 'Tạo tài khoản' }).tap();
	await expect(form.getByRole('status')).toHaveText('Đã tạo tài khoản truong.som.');
	// Created, the form is emptied as before.
	await expect(form.getByLabel('Tên đăng nhập')).toHaveValue('');
	await expect(form.getByLabel('Họ tên')).toHaveValue('');
	const row = page.getByRole('row').filter({ hasText: 'truong.som' });
	await expect(row).toContainText('Trưởng khu phố');
	await expect(row).toContainText('Khu phố 8');
});
