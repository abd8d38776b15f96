import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openHydrated, signIn } from '../support/pages';
import { apiSignIn } from '../support/sign-in';
import { apiAs, newResident } from './support';

/**
 * A child is registered with their guardian's consent, by name (Decree 13/2023/NĐ-CP, Art. 20),
 * through the household page's "Thêm thành viên" form, as a head does on a phone. Khu phố 5
 * and 6 only: the reports' tests count Khu phố 1's households.
 */
test('a child is refused with signed paper, then saved with a guardian named on the data page', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const head = await newResident(api, 'Vương Văn Giám', 5);
	await signIn(page, 'truongkhu5', 'hatu2026');
	await openHydrated(page, `/cu-dan/ho/${head.householdId}`);
	const guardian = page.getByLabel('Họ tên người giám hộ');
	// Asked only once the guardian's consent is chosen.
	await expect(guardian).toBeHidden();
	await page.getByLabel('Họ và tên').fill('Vương Minh Bé');
	await page.getByLabel('Năm sinh').fill('2016');
	await page.getByLabel('Quan hệ với chủ hộ').fill('Con trai');
	// Said beside the consent choice as the year is typed, before anything is sent.
	const hint = page.getByTestId('guardian-hint');
	await expect(hint).toHaveText(
		'Sinh năm 2016: chưa đủ 18 tuổi, cần chọn “Người giám hộ đồng ý” và ghi họ tên người giám hộ.'
	);
	const consent = page.getByRole('group', { name: /Người dân đồng ý lưu thông tin/ });
	await expect(consent).toContainText('Sinh năm 2016: chưa đủ 18 tuổi');
	const axe = await new AxeBuilder({ page }).include('form').analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);

	await page.getByRole('radio', { name: 'Ký giấy đồng ý' }).check();
	await page.getByRole('button', { name: 'Thêm thành viên' }).tap();
	await expect(consent.locator('.field-problem')).toHaveText(
		'⚠ Người dưới 18 tuổi cần người giám hộ đồng ý: chọn “Người giám hộ đồng ý” và ghi tên người giám hộ.'
	);
	await expect(consent).toHaveAttribute('data-invalid', '');
	await expect(page.getByRole('radio', { name: 'Ký giấy đồng ý' })).toBeFocused();
	// Everything typed is kept.
	await expect(page.getByLabel('Họ và tên')).toHaveValue('Vương Minh Bé');
	await expect(page.getByLabel('Năm sinh')).toHaveValue('2016');
	await expect(page.getByLabel('Quan hệ với chủ hộ')).toHaveValue('Con trai');
	await expect(page.getByRole('radio', { name: 'Ký giấy đồng ý' })).toBeChecked();

	// The guardian's consent without the name: the name's field is marked and has the focus.
	await page.getByRole('radio', { name: 'Người giám hộ đồng ý' }).check();
	await expect(guardian).toBeVisible();
	await page.getByRole('button', { name: 'Thêm thành viên' }).tap();
	await expect(guardian).toHaveAttribute('aria-invalid', 'true');
	await expect(guardian).toHaveAccessibleDescription('⚠ Cần ghi họ tên người giám hộ.');
	await expect(guardian).toBeFocused();

	await guardian.fill('Trần Thị Hoa');
	await page.getByRole('button', { name: 'Thêm thành viên' }).tap();
	await expect(page.getByRole('status')).toHaveText('Đã thêm Vương Minh Bé.');
	await page.getByRole('link', { name: 'Vương Minh Bé' }).tap();
	await expect(
		page.getByText('Người giám hộ đồng ý (Trần Thị Hoa) — Trưởng khu phố 5')
	).toBeVisible();
	await page.getByRole('link', { name: /Dữ liệu cá nhân/ }).tap();
	await expect(page.getByRole('heading', { name: 'Dữ liệu cá nhân: Vương Minh Bé' })).toBeVisible();
	await expect(
		page.getByText('Người giám hộ đồng ý — Trần Thị Hoa, người ghi nhận Trưởng khu phố 5')
	).toBeVisible();
});

test('without JavaScript the guardian’s name is always asked, and a child is saved with it', async ({
	browser
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const head = await newResident(api, 'Lục Văn Giám', 6);
	const context = await browser.newContext({
		javaScriptEnabled: false,
		baseURL: testInfo.project.use.baseURL,
		viewport: { width: 412, height: 915 }
	});
	const page = await context.newPage();
	expect((await apiSignIn(page.request, 'tinhnguyen3', '246810')).status()).toBe(200);
	await page.goto(`/cu-dan/ho/${head.householdId}`);
	const guardian = page.getByLabel('Họ tên người giám hộ (chỉ khi người giám hộ đồng ý)');
	await expect(guardian).toBeVisible();
	await page.getByLabel('Họ và tên').fill('Lục Thị Nhỏ');
	await page.getByLabel('Năm sinh').fill('2019');
	await page.getByRole('radio', { name: 'Người giám hộ đồng ý' }).check();
	await page.getByRole('button', { name: 'Thêm thành viên' }).click();
	// Refused without the name: the page comes back with what was typed, the field marked.
	await expect(guardian).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Họ và tên')).toHaveValue('Lục Thị Nhỏ');
	await expect(page.getByRole('radio', { name: 'Người giám hộ đồng ý' })).toBeChecked();
	await guardian.fill('Lục Văn Giám');
	await page.getByRole('button', { name: 'Thêm thành viên' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã thêm Lục Thị Nhỏ.');
	await context.close();
});

test('a half-filled household of a child head comes back on Back with the guardian and the hint', async ({
	page
}) => {
	await signIn(page, 'tinhnguyen4', '246810');
	await openHydrated(page, '/cu-dan/ho-moi');
	await page.getByLabel('Khu phố').selectOption({ label: 'Khu phố 7' });
	await page.getByLabel('Địa chỉ').fill('Số 3, hẻm Mồ Côi');
	await page.getByLabel('Họ và tên').fill('Tạ Văn Côi');
	await page.getByLabel('Năm sinh').fill('2010');
	await page.getByRole('radio', { name: 'Người giám hộ đồng ý' }).check();
	await page.getByLabel('Họ tên người giám hộ').fill('Tạ Thị Bà');
	await page.getByRole('link', { name: '‹ Cư dân' }).click();
	await expect(page).toHaveURL(/\/cu-dan$/);
	await page.goBack();
	await expect(page).toHaveURL(/\/cu-dan\/ho-moi$/);
	// Put back, and what follows the fields follows them back: the field shown, the hint said.
	await expect(page.getByLabel('Họ tên người giám hộ')).toBeVisible();
	await expect(page.getByLabel('Họ tên người giám hộ')).toHaveValue('Tạ Thị Bà');
	await expect(page.getByTestId('guardian-hint')).toContainText('Sinh năm 2010');
});

test('a birth year corrected to a child’s asks for the guardian’s consent, kept beside the first', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const person = await newResident(api, 'Vương Văn Sửa', 6);
	await signIn(page, 'truongkhu6', 'hatu2026');
	await openHydrated(page, `/cu-dan/${person.id}`);
	await page.getByText('Sửa thông tin').tap();
	const consent = page.getByRole('group', { name: /Người dân đồng ý lưu thông tin/ });
	// Not asked for a correction that leaves the consent as it was.
	await expect(consent).toHaveCount(0);
	await page.getByLabel('Năm sinh').fill('2016');
	await page.getByRole('button', { name: 'Lưu thông tin' }).tap();
	// As every refusal of the form: a line above, and the problem under its field.
	await expect(page.getByRole('alert')).toHaveText('Có 1 chỗ cần sửa, ghi bằng chữ đỏ dưới ô đó.');
	await expect(consent.locator('.field-problem')).toHaveText(
		/^⚠ Sinh năm 2016 thì ngày đồng ý \(\d\d\/\d\d\/\d{4}\) người này chưa đủ 18 tuổi: cần ghi lại sự đồng ý của người giám hộ rồi mới lưu được\.$/
	);
	await expect(consent).toBeVisible();
	await expect(page.getByLabel('Năm sinh')).toHaveValue('2016');
	const axe = await new AxeBuilder({ page }).include('form[action="?/edit"]').analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	await page.screenshot({ path: testInfo.outputPath('birth-year-consent.png'), fullPage: true });

	await page.getByRole('radio', { name: 'Người giám hộ đồng ý' }).check();
	await page.getByLabel('Họ tên người giám hộ').fill('Vương Thị Mẹ');
	await page.getByRole('button', { name: 'Lưu thông tin' }).tap();
	await expect(page.getByRole('status')).toContainText('Đã lưu thông tin mới.');
	await expect(
		page.getByText('Người giám hộ đồng ý (Vương Thị Mẹ) — Trưởng khu phố 6')
	).toBeVisible();
	await expect(page.getByText('Ký giấy đồng ý — Tình nguyện viên 2')).toBeVisible();
});
