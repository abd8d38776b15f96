import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openHydrated, signIn } from '../support/pages';
import { apiAs, newResident, newSession } from './support';

/**
 * The registration and card pages on the cheapest phone volunteers carry: 360 × 640, touch.
 * The suite's phone is 412 px wide; what fits there ran off the side here.
 */
test.use({ viewport: { width: 360, height: 640 } });

/**
 * How far the page is wider than the phone (0: it fits). Not against innerWidth: a mobile
 * browser widens its layout to a page too wide and shows it smaller.
 */
const sideways = async (page: Page) =>
	(await page.evaluate(() => document.documentElement.scrollWidth)) - page.viewportSize()!.width;

test('a household’s cards are previewed whole on a 360 px phone, and a long name prints whole', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	// 100 characters, the most a name may have, and a name typed without its spaces.
	const longest =
		'Công Tôn Nữ Thị Huyền Trang Phượng Diễm Kiều Nguyễn Hoàng Thị Ngọc Bích Khánh Linh Trương Thục Quyên';
	expect(longest).toHaveLength(100);
	const head = await newResident(api, 'Nguyễn Huỳnh Thị Ngọc Phượng Diễm Kiều');
	for (const fullName of [longest, 'Hoàngthịnguyễnngọcphượngdiễmkiều']) {
		const member = await api.post('/api/residents', {
			data: {
				householdId: head.householdId,
				fullName,
				birthYear: 1950,
				consent: { method: 'paper', takenBy: 'Tình nguyện viên 2' }
			}
		});
		expect(member.status()).toBe(201);
	}
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/the-qr?ho=${head.householdId}`);
	await expect(page.locator('article.card')).toHaveCount(3);
	// The A4 preview at 0.48 was 381 px wide: the sheet ran 21 px off a 360 px screen.
	expect(await sideways(page)).toBe(0);

	await page.emulateMedia({ media: 'print' });
	// On paper every card is 85.6 × 54 mm and each text stays inside its card: the name, the
	// khu phố and what to do with a lost card (a long name pushed them out of the bottom, and a
	// name without spaces out of the side, where the card's edge cut them).
	const cut = await page.locator('article.card').evaluateAll((cards) =>
		cards.flatMap((card) => {
			const box = card.getBoundingClientRect();
			const mm = (px: number) => Math.round(((px * 25.4) / 96) * 10) / 10;
			const size = `${mm(box.width)}×${mm(box.height)}`;
			const outside = [...card.querySelectorAll('p')].filter((p) => {
				const r = p.getBoundingClientRect();
				return (
					r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5 || p.scrollWidth > p.clientWidth
				);
			});
			return [
				...(size === '85.6×54' ? [] : [`size ${size}`]),
				...outside.map((p) => `${card.querySelector('.name')?.textContent}: ${p.className}`)
			];
		})
	);
	expect(cut).toEqual([]);
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
});

test('a member added on a small phone is said to be saved where the volunteer looks', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const head = await newResident(api, 'Đinh Văn Màn Nhỏ');
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/cu-dan/ho/${head.householdId}`);
	await page.getByLabel('Họ và tên').fill('Đinh Thị Màn Nhỏ');
	await page.getByLabel('Năm sinh').fill('1956');
	await expect(page.getByLabel('Năm sinh')).toHaveAttribute('inputmode', 'numeric');
	await page.getByLabel('Quan hệ với chủ hộ').fill('Vợ');
	await page.getByRole('radio', { name: 'Ký giấy đồng ý' }).check();
	await page.getByRole('button', { name: 'Thêm thành viên' }).tap();
	// The button is two screens below "Đã thêm …": the volunteer saw only the emptied form.
	const added = page.getByRole('status');
	await expect(added).toHaveText('Đã thêm Đinh Thị Màn Nhỏ.');
	await expect(added).toBeFocused();
	await expect(added).toBeInViewport();
	await expect(page.getByRole('link', { name: 'Đinh Thị Màn Nhỏ' })).toBeVisible();
	expect(await sideways(page)).toBe(0);
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('a household’s members are cards on a 360 px phone: a name across the card, not a word a line', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const head = await newResident(api, 'Nguyễn Văn Thành Trung');
	const names = ['Trần Thị Ngọc Phượng Anh', 'Lê Thị Hồng Nhung'];
	for (const [i, fullName] of names.entries()) {
		const member = await api.post('/api/residents', {
			data: {
				householdId: head.householdId,
				fullName,
				birthYear: 1980 + i,
				relationship: i === 0 ? 'Con dâu' : 'Cháu ngoại',
				consent: { method: 'paper', takenBy: 'Tình nguyện viên 2' }
			}
		});
		expect(member.status()).toBe(201);
	}
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/cu-dan/ho/${head.householdId}`);
	const table = page.getByRole('region', { name: 'Thành viên của hộ' });
	const width = (await table.boundingBox())!.width;
	// How many lines a name takes: beside the year and "Cháu ngoại" it had some 110 px of the
	// 360 and broke after every word (four lines for "Nguyễn Văn Thành Trung"). Across the card
	// a long name may still take two lines at the staff pages' 26 px type, a short one one.
	const lines = (name: string) =>
		table.getByRole('link', { name }).evaluate((a) => {
			const range = document.createRange();
			range.selectNodeContents(a);
			return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
		});
	for (const name of ['Nguyễn Văn Thành Trung', ...names]) {
		const link = table.getByRole('link', { name });
		const cell = table.getByRole('cell').filter({ has: page.getByRole('link', { name }) });
		expect((await cell.boundingBox())!.width, name).toBeGreaterThan(width * 0.9);
		expect(await lines(name), name).toBeLessThanOrEqual(2);
		// Still a thumb's tap.
		expect((await link.boundingBox())!.height, name).toBeGreaterThanOrEqual(48);
	}
	expect(await lines('Lê Thị Hồng Nhung')).toBe(1);
	// The year and the relationship stay on the member's card, each said with what it is.
	const card = table.getByRole('row').filter({ hasText: names[0] });
	await expect(card).toContainText('1980');
	await expect(card).toContainText('Con dâu');
	await expect(table.getByRole('columnheader', { name: 'Năm sinh' })).toHaveCount(1);
	await expect(table.getByRole('columnheader', { name: 'Quan hệ với chủ hộ' })).toHaveCount(1);
	expect(await sideways(page)).toBe(0);
	const axe = await new AxeBuilder({ page }).include('table').analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('a head finds a person’s data page from the person, and it fits a 360 px phone', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	// Khu phố 3, truongkhu3's own (the reports' tests count Khu phố 1's households).
	const resident = await newResident(api, 'Vi Thị Rút Lại', 3);
	await signIn(page, 'truongkhu3', 'hatu2026');
	await openHydrated(page, `/cu-dan/${resident.id}`);
	// The person asked their head to withdraw consent: the page that does it was reachable
	// only by typing its address.
	const dataLink = page.getByRole('link', { name: 'Dữ liệu cá nhân: bản sao, rút lại sự đồng ý' });
	await expect(dataLink).toBeVisible();
	await dataLink.tap();
	await expect(page).toHaveURL(new RegExp(`/cu-dan/${resident.id}/du-lieu$`));
	await page.locator('html[data-hydrated]').waitFor();
	// "Quan hệ với chủ hộ" at its full width pushed every value 10 px off the screen.
	expect(await sideways(page)).toBe(0);

	// A note too long is said under the note, not below the data-erasing form.
	const note = page.getByLabel('Người này yêu cầu thế nào (không bắt buộc)');
	await note.fill('Gọi điện nhờ con gái báo. '.repeat(13));
	// It cannot be undone: one tap is not enough, the box must say the person asked.
	const asked = page.getByLabel('Chính người này (hoặc người giám hộ) đã yêu cầu rút lại');
	await page.getByRole('button', { name: 'Ghi nhận rút lại đồng ý' }).tap();
	await expect(asked).toHaveAccessibleDescription(/^Xin đánh dấu ô xác nhận/);
	await expect(asked).toHaveAttribute('aria-invalid', 'true');
	await expect(note).not.toHaveAttribute('aria-invalid');
	await expect(note).toHaveValue(/^Gọi điện nhờ con gái báo\./);
	await asked.tap();
	await page.getByRole('button', { name: 'Ghi nhận rút lại đồng ý' }).tap();
	await expect(note).toHaveAccessibleDescription(/^Ghi chú dài quá: tối đa 300 ký tự/);
	await expect(note).toHaveAttribute('aria-invalid', 'true');
	await expect(note).toHaveValue(/^Gọi điện nhờ con gái báo\./);
	await note.fill('Gọi điện ngày 25/11');
	await page.getByRole('button', { name: 'Ghi nhận rút lại đồng ý' }).tap();
	await expect(page.getByRole('status')).toHaveText('Đã ghi nhận việc rút lại sự đồng ý.');
	await page.getByRole('link', { name: '‹ Hồ sơ cư dân' }).tap();
	await expect(page).toHaveURL(new RegExp(`/cu-dan/${resident.id}$`));
	await expect(page.getByText(/\(rút lại \d{2}\/\d{2}\/\d{4}\)/)).toBeVisible();

	// A volunteer is not offered the page they may not open.
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/cu-dan/${resident.id}`);
	await expect(page.getByRole('link', { name: /Dữ liệu cá nhân/ })).toHaveCount(0);
});

test('a household member’s name without spaces breaks on the skills page instead of widening it', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const head = await newResident(api, 'Mạc Văn Kỹ Năng');
	const member = await api.post('/api/residents', {
		data: {
			householdId: head.householdId,
			fullName: 'Mạcthịnguyễnngọcphượngdiễmkiềuthảo',
			birthYear: 1980,
			consent: { method: 'verbal', takenBy: 'Tình nguyện viên 2' }
		}
	});
	expect(member.status()).toBe(201);
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/cu-dan/${head.id}/ky-nang`);
	await expect(
		page.getByRole('link', { name: 'Mạcthịnguyễnngọcphượngdiễmkiềuthảo' })
	).toBeVisible();
	// The link to the member's skills pushed the page 100 px past the screen's edge.
	expect(await sideways(page)).toBe(0);
});

/** Vietnam's day `days` from today, as 'YYYY-MM-DD' (a date field's value). */
const vnDayFromToday = (days: number) =>
	new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
/** The same day as people read it: dd/mm/yyyy. */
const read = (day: string) => day.split('-').reverse().join('/');

test('a paper consent typed in days later keeps the day it was signed; a day to come is refused in words', async ({
	page
}) => {
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, '/cu-dan/ho-moi');
	await page.getByLabel('Khu phố').selectOption({ label: 'Khu phố 3' });
	await page.getByLabel('Địa chỉ').fill('Số 7 ngõ Giấy Ký Trước');
	await page.getByLabel('Họ và tên').fill('Hà Văn Ký Trước');
	await page.getByLabel('Năm sinh').fill('1949');
	await page.getByRole('radio', { name: 'Ký giấy đồng ý' }).check();
	const day = page.getByLabel('Ngày đồng ý');
	await expect(day).toHaveValue(vnDayFromToday(0));
	// Tomorrow, a slip of the picker's wheel: said under the field, what was typed kept.
	await day.fill(vnDayFromToday(1));
	await page.getByRole('button', { name: 'Lưu hộ và chủ hộ' }).tap();
	await expect(day).toHaveAccessibleDescription(
		/Xin chọn ngày người dân đồng ý, không sau hôm nay\.$/
	);
	await expect(day).toBeFocused();
	await expect(page.getByLabel('Họ và tên')).toHaveValue('Hà Văn Ký Trước');
	// Signed at Saturday's meeting, typed in on Tuesday: the consent is Saturday's.
	const signed = vnDayFromToday(-3);
	await day.fill(signed);
	await page.getByRole('button', { name: 'Lưu hộ và chủ hộ' }).tap();
	await expect(page).toHaveURL(/\/cu-dan\/ho\/\d+/);
	// A member signed the same paper; the next one's consent starts at today again, and the
	// day written out under the field says today too.
	await page.getByLabel('Họ và tên').fill('Hà Thị Ký Trước');
	await page.getByLabel('Năm sinh').fill('1952');
	await page.getByRole('radio', { name: 'Ký giấy đồng ý' }).check();
	await page.getByLabel('Ngày đồng ý').fill(signed);
	await page.getByRole('button', { name: 'Thêm thành viên' }).tap();
	await expect(page.getByRole('status')).toHaveText('Đã thêm Hà Thị Ký Trước.');
	await expect(page.getByLabel('Ngày đồng ý')).toHaveValue(vnDayFromToday(0));
	await expect(page.getByTestId('day-said-consentAt')).toContainText(read(vnDayFromToday(0)));
	await page.getByRole('link', { name: 'Hà Thị Ký Trước' }).tap();
	await expect(
		page.getByText(`Ký giấy đồng ý — Tình nguyện viên 2, ${read(signed)}`)
	).toBeVisible();
	await page.goBack();
	await page.getByRole('link', { name: 'Hà Văn Ký Trước' }).tap();
	await expect(
		page.getByText(`Ký giấy đồng ý — Tình nguyện viên 2, ${read(signed)}`)
	).toBeVisible();
});

test('a class closed a moment ago is a thumb’s tap from the volunteer’s home', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const session = await newSession(api, 'Zalo');
	expect((await api.post(`/api/sessions/${session}/close`)).status()).toBe(200);
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, '/tinh-nguyen');
	// A short title on one line was a 26 px link, between the lines of the list.
	const link = page.locator(`a[href="/tinh-nguyen/buoi/${session}"]`);
	expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
	expect(await sideways(page)).toBe(0);
});
