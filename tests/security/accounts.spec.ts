import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { DEMO, openHydrated, signIn } from '../support/pages';

/** Each test makes its own accounts: demo accounts are never locked (other tests use them). */
let officer: APIRequestContext;
const fresh = () =>
	request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { origin: BASE_URL } });

/**
 * `POST /api/auth/login` once as far as the account is concerned: a 429 of the suite's shared
 * allowance per address (`rate_limited`, not this account's own `too_soon`) is waited out.
 */
async function login(ctx: APIRequestContext, username: string, secret: string) {
	for (;;) {
		// The Origin a page of the server sends (the cross-site guard wants one on writes).
		const r = await ctx.post('/api/auth/login', {
			data: { username, secret },
			headers: { origin: BASE_URL }
		});
		if (r.status() !== 429 || (await r.json()).reason !== 'rate_limited') return r;
		await new Promise((done) => setTimeout(done, Number(r.headers()['retry-after']) * 1000));
	}
}

test.beforeAll(async () => {
	officer = await fresh();
	const r = await login(officer, 'quantri', DEMO.password);
	expect(r.status()).toBe(200);
});

async function newVolunteer(username: string, pin = '135790'): Promise<number> {
	const r = await officer.post('/api/users', {
		data: { username, displayName: 'Đỗ Thị Lan', role: 'volunteer', secret: pin }
	});
	expect(r.status()).toBe(201);
	return (await r.json()).user.id;
}

/** Wrong PINs until the account locks, honouring the growing wait the server asks for. */
async function failUntilLocked(username: string): Promise<string[]> {
	const seen: string[] = [];
	const ctx = await fresh();
	while (seen.length < 12 && seen.at(-1) !== 'locked') {
		const r = await login(ctx, username, '000000');
		const body = await r.json();
		seen.push(`${r.status()} ${body.reason}`.replace(/^\d+ locked$/, 'locked'));
		if (body.reason === 'too_soon') {
			expect(Number(r.headers()['retry-after'])).toBeGreaterThan(0);
			await new Promise((done) => setTimeout(done, Number(r.headers()['retry-after']) * 1000));
		}
	}
	await ctx.dispose();
	return seen;
}

test('a wrong PIN warns of the lock before it comes, alike for a known and an unknown name', async () => {
	await newVolunteer('khoa.canhbao');
	const ctx = await fresh();
	const message = async (username: string) =>
		(await (await login(ctx, username, '000000')).json()).message as string;
	const known = await message('khoa.canhbao');
	expect(known).toContain('Sai 5 lần liên tiếp thì tài khoản bị khoá');
	// Telling only real usernames how many tries are left would tell a stranger which exist.
	expect(await message('khong.co.ai')).toBe(known);
	await ctx.dispose();
});

test('five wrong PINs lock an account; the officer unlocks it over the API; the audit log has both', async () => {
	const id = await newVolunteer('khoa.thu1');
	const seen = await failUntilLocked('khoa.thu1');
	expect(seen.filter((s) => s === '401 bad_credentials')).toHaveLength(4);
	expect(seen).toContain('429 too_soon');
	expect(seen.at(-1)).toBe('locked');

	const ctx = await fresh();
	const right = await login(ctx, 'khoa.thu1', '135790');
	expect([right.status(), (await right.json()).reason]).toEqual([403, 'locked']);

	const unlocked = await officer.post(`/api/users/${id}/unlock`);
	expect(unlocked.status()).toBe(200);
	expect((await unlocked.json()).user.locked).toBe(false);
	const again = await login(ctx, 'khoa.thu1', '135790');
	expect(again.status()).toBe(200);

	const audit = await officer.get(`/api/audit?subject=user:${id}`);
	const actions = (await audit.json()).entries.map((e: { action: string }) => e.action);
	expect(actions).toEqual(
		expect.arrayContaining(['account.create', 'auth.locked', 'account.unlock', 'auth.login'])
	);
	const failures = await officer.get(
		'/api/audit?subject=username:khoa.thu1&action=auth.login_failed'
	);
	expect((await failures.json()).entries).toHaveLength(5);
});

test('the officer signs a device out: its session stops working at once', async () => {
	const id = await newVolunteer('khoa.thu2');
	const phone = await fresh();
	expect((await login(phone, 'khoa.thu2', '135790')).status()).toBe(200);
	expect((await phone.get('/api/auth/me')).status()).toBe(200);
	expect((await officer.delete(`/api/users/${id}/sessions`)).status()).toBe(200);
	const me = await phone.get('/api/auth/me');
	expect([me.status(), (await me.json()).reason]).toEqual([401, 'unauthenticated']);
});

test('a disabled account cannot sign in and a reset PIN replaces the old one', async () => {
	const id = await newVolunteer('khoa.thu3');
	const ctx = await fresh();
	const signInWith = (secret: string) => login(ctx, 'khoa.thu3', secret);
	expect((await officer.patch(`/api/users/${id}`, { data: { disabled: true } })).status()).toBe(
		200
	);
	expect((await (await signInWith('135790')).json()).reason).toBe('disabled');
	expect(
		(
			await officer.patch(`/api/users/${id}`, { data: { disabled: false, secret: '864200' } })
		).status()
	).toBe(200);
	expect((await signInWith('135790')).status()).toBe(401);
	expect((await signInWith('864200')).status()).toBe(200);
});

test('creating an account with bad fields says which field, in Vietnamese', async () => {
	const r = await officer.post('/api/users', {
		data: { username: 'ab', displayName: 'X Y', role: 'volunteer', secret: '1' }
	});
	expect(r.status()).toBe(400);
	expect(await r.json()).toMatchObject({ status: 'error', reason: 'invalid', field: 'username' });
	const taken = await officer.post('/api/users', {
		data: { username: 'quantri', displayName: 'Ai Đó', role: 'volunteer', secret: '482915' }
	});
	expect([taken.status(), (await taken.json()).reason]).toEqual([409, 'username_taken']);
});

test('on the accounts page the officer sees a lock and lifts it with one button', async ({
	page
}) => {
	await newVolunteer('khoa.thu4');
	await failUntilLocked('khoa.thu4');
	await signIn(page, 'quantri', DEMO.password, '/quan-tri/tai-khoan');
	await openHydrated(page, '/quan-tri/tai-khoan');
	const row = page.getByRole('row').filter({ hasText: 'khoa.thu4' });
	await expect(row).toContainText('Bị khoá');
	await row.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/security-accounts.png' });
	await row.getByRole('button', { name: 'Mở khoá' }).click();
	await expect(row).toContainText('Đã mở khoá khoa.thu4.');
	await expect(row).not.toContainText('Bị khoá');
});

test('the officer creates a volunteer from the page, who then signs in with the PIN', async ({
	page,
	browser
}) => {
	await signIn(page, 'quantri', DEMO.password, '/quan-tri/tai-khoan');
	await openHydrated(page, '/quan-tri/tai-khoan');
	const form = page.getByRole('region', { name: 'Tạo tài khoản' });
	// A taken name with a short PIN: the name is said first (said after the PIN was corrected,
	// the PIN had to be typed a second time).
	await form.getByLabel('Tên đăng nhập').fill('tinhnguyen1');
	await form.getByLabel('Họ tên').fill('Vũ Thu Trang');
	await form.getByLabel('Mã PIN (6 số)').fill('1234');
	await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
	await expect(form.getByRole('alert')).toHaveText('Tên đăng nhập này đã có người dùng.');
	await expect(form.getByLabel('Tên đăng nhập')).toBeFocused();
	await expect(form.getByLabel('Tên đăng nhập')).toHaveAttribute('aria-invalid', 'true');
	await form.getByLabel('Tên đăng nhập').fill('tnv.trang');
	await form.getByLabel('Họ tên').fill('Vũ Thu Trang');
	await form.getByLabel('Mã PIN (6 số)').fill('12345');
	await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
	await expect(form.getByRole('alert')).toContainText('6 chữ số');
	// The field to correct says why and has the focus (it stayed on the button before).
	const pin = form.getByLabel('Mã PIN (6 số)');
	await expect(pin).toHaveAttribute('aria-invalid', 'true');
	await expect(pin).toHaveAccessibleDescription(/6 chữ số/);
	await expect(pin).toBeFocused();
	await expect(form.getByLabel('Họ tên')).not.toHaveAttribute('aria-invalid', 'true');
	await pin.fill('482915');
	// A double click sends it once: the second used to answer that the name was taken.
	await form.getByRole('button', { name: 'Tạo tài khoản' }).dblclick();
	await expect(form.getByRole('status')).toContainText('Đã tạo tài khoản tnv.trang');
	await expect(form.getByRole('alert')).toHaveCount(0);
	await expect(page.getByRole('row').filter({ hasText: 'tnv.trang' })).toContainText(
		'Tình nguyện viên'
	);

	const phone = await browser.newPage();
	await signIn(phone, 'tnv.trang', '482915');
	await expect(phone).toHaveURL(/tinh-nguyen/);
});

test('stopping an account asks first, and “Không, để nguyên” leaves it working', async ({
	page
}) => {
	await newVolunteer('ngung.thu');
	await signIn(page, 'quantri', DEMO.password, '/quan-tri/tai-khoan');
	await openHydrated(page, '/quan-tri/tai-khoan');
	const row = page.getByRole('row').filter({ hasText: 'ngung.thu' });
	await row.getByRole('button', { name: 'Ngừng tài khoản' }).click();
	await expect(row.getByRole('alert')).toContainText('đăng xuất trên mọi thiết bị');
	await row.getByRole('button', { name: 'Không, để nguyên' }).click();
	await expect(row).toContainText('Hoạt động');
	await row.getByRole('button', { name: 'Ngừng tài khoản' }).click();
	await row.getByRole('button', { name: 'Ngừng tài khoản' }).click();
	await expect(row.getByRole('button', { name: 'Cho hoạt động lại' })).toBeVisible();
});

test('a refused new PIN is said in red beside its field, which gets the focus; a good one is saved', async ({
	page
}) => {
	await newVolunteer('datlai.pin');
	await signIn(page, 'quantri', DEMO.password, '/quan-tri/tai-khoan');
	await openHydrated(page, '/quan-tri/tai-khoan');
	const row = page.getByRole('row').filter({ hasText: 'datlai.pin' });
	await row.getByRole('button', { name: 'Đặt lại mã PIN' }).click();
	const pin = row.getByLabel('Mã PIN mới (6 số)');
	// Left empty too: said by the server in Vietnamese, not the browser's "Please fill out".
	for (const typed of ['', '1234', 'abc']) {
		await pin.fill(typed);
		await row.getByRole('button', { name: 'Lưu' }).click();
		// It was a black "status" line, the field unmarked and the focus on "Lưu".
		const why = row.getByRole('alert');
		await expect(why).toHaveText('Mã PIN của tình nguyện viên phải đúng 6 chữ số.');
		await expect(why).toHaveClass(/error/);
		await expect(pin).toHaveAttribute('aria-invalid', 'true');
		await expect(pin).toHaveAccessibleDescription(/phải đúng 6 chữ số/);
		await expect(pin).toBeFocused();
	}
	await pin.fill('864213');
	await row.getByRole('button', { name: 'Lưu' }).click();
	await expect(row.getByRole('status')).toHaveText('Đã đặt lại mã PIN cho datlai.pin.');
	await expect(row.getByRole('alert')).toHaveCount(0);
	await expect(pin).toHaveCount(0);
	const ctx = await fresh();
	expect((await login(ctx, 'datlai.pin', '864213')).status()).toBe(200);
	await ctx.dispose();
});

test('by keyboard: Enter on “Đặt lại mã PIN” puts the focus in the new field, “Huỷ” and a save give it back', async ({
	page
}) => {
	await newVolunteer('datlai.phim');
	await signIn(page, 'quantri', DEMO.password, '/quan-tri/tai-khoan');
	await openHydrated(page, '/quan-tri/tai-khoan');
	const row = page.getByRole('row').filter({ hasText: 'datlai.phim' });
	const reset = row.getByRole('button', { name: 'Đặt lại mã PIN' });
	const pin = row.getByLabel('Mã PIN mới (6 số)');
	// The focus dropped to the top of the page when the button became the field.
	await reset.focus();
	await page.keyboard.press('Enter');
	await expect(pin).toBeFocused();
	// "Huỷ" leaves the form, and the focus is on the row's button again.
	await page.keyboard.press('Tab');
	await expect(row.getByRole('button', { name: 'Lưu' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(row.getByRole('button', { name: 'Huỷ' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(pin).toHaveCount(0);
	await expect(reset).toBeFocused();
	// Saved from the keyboard: the focus is on the line that says it was done.
	await page.keyboard.press('Enter');
	await expect(pin).toBeFocused();
	await page.keyboard.type('975310');
	await page.keyboard.press('Enter');
	const done = row.getByRole('status');
	await expect(done).toHaveText('Đã đặt lại mã PIN cho datlai.phim.');
	await expect(done).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(reset).toBeFocused();
});

test('on their own row the officer is told, before saving, that a new password signs this computer out too', async ({
	page
}) => {
	await signIn(page, 'quantri', DEMO.password, '/quan-tri/tai-khoan');
	await openHydrated(page, '/quan-tri/tai-khoan');
	// Nothing is saved here: quantri's sessions are other tests' too.
	const own = page.getByRole('row').filter({ hasText: 'quantri' }).first();
	await own.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
	// Saving went straight to the sign-in form, without a word about why.
	await expect(own.getByLabel('Mật khẩu mới')).toHaveAccessibleDescription(
		/máy này và mọi thiết bị khác của bạn sẽ phải đăng nhập lại/
	);
	await expect(own.getByRole('button', { name: /cả máy này/ })).toBeVisible();
	const other = page.getByRole('row').filter({ hasText: 'truongkhu2' });
	await other.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
	await expect(other.getByLabel('Mật khẩu mới')).not.toHaveAccessibleDescription(/máy này/);
});

test('without JavaScript a refused head account comes back as a head’s, its khu phố still chosen', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const r = await login(page.request, 'quantri', DEMO.password);
	expect(r.status()).toBe(200);
	await page.goto('/quan-tri/tai-khoan');
	const form = page.getByRole('region', { name: 'Tạo tài khoản' });
	// Without JavaScript the khu phố list is there only when the page is drawn for a head.
	await form.getByLabel('Tên đăng nhập').fill('truong.nojs');
	await form.getByLabel('Họ tên').fill('Ngô Văn Tâm');
	await form.locator('select[name=role]').selectOption('head');
	await form.locator('input[name=secret]').fill('ngan');
	await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
	await expect(form.getByRole('alert')).toHaveText('Trưởng khu phố cần chọn khu phố.');
	// It came back as a volunteer's form ("Mã PIN (6 số)"), the name typed kept, the role lost.
	await expect(form.locator('select[name=role]')).toHaveValue('head');
	await expect(form.getByLabel('Họ tên')).toHaveValue('Ngô Văn Tâm');
	await form.locator('select[name=neighborhoodId]').selectOption({ label: 'Khu phố 3' });
	await form.locator('input[name=secret]').fill('ngan');
	await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
	await expect(form.getByRole('alert')).toHaveText('Mật khẩu cần từ 8 ký tự, có cả chữ và số.');
	await expect(form.locator('select[name=role]')).toHaveValue('head');
	await expect(form.locator('select[name=neighborhoodId] option:checked')).toHaveText('Khu phố 3');
	await context.close();
});

test('without JavaScript the officer resets a volunteer’s PIN, who then signs in with the new one', async ({
	browser
}) => {
	await newVolunteer('datlai.nojs');
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	expect((await login(page.request, 'quantri', DEMO.password)).status()).toBe(200);
	await page.goto('/quan-tri/tai-khoan');
	const row = page.getByRole('row').filter({ hasText: 'datlai.nojs' });
	const reset = row.getByRole('button', { name: 'Đặt lại mã PIN' });
	const pin = row.getByLabel('Mã PIN mới (6 số)');
	// The button only opened the form with JavaScript: without, it did nothing at all.
	await reset.click();
	await expect(pin).toBeFocused();
	await expect(page).toHaveURL(/datlai=\d+$/);
	// "Huỷ" closes it, and it opens again.
	await row.getByRole('button', { name: 'Huỷ' }).click();
	await expect(pin).toHaveCount(0);
	await reset.click();
	// Left empty: said in Vietnamese, the form open again with its field to correct.
	await row.getByRole('button', { name: 'Lưu' }).click();
	await expect(row.getByRole('alert')).toHaveText(
		'Mã PIN của tình nguyện viên phải đúng 6 chữ số.'
	);
	await expect(pin).toHaveAttribute('aria-invalid', 'true');
	await expect(pin).toBeFocused();
	await pin.fill('531086');
	await row.getByRole('button', { name: 'Lưu' }).click();
	const done = row.getByRole('status');
	await expect(done).toHaveText('Đã đặt lại mã PIN cho datlai.nojs.');
	await expect(done).toBeFocused();
	await expect(pin).toHaveCount(0);
	await context.close();

	const phone = await browser.newPage();
	await signIn(phone, 'datlai.nojs', '531086');
	await expect(phone).toHaveURL(/tinh-nguyen/);
	await phone.close();
});

test('on a wide screen the accounts page keeps the officer pages’ width, not the screen’s', async ({
	page
}) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await signIn(page, 'quantri', DEMO.password, '/quan-tri/tai-khoan');
	await openHydrated(page, '/quan-tri/tai-khoan');
	// Its lines and table ran 1350 px wide, where the khu phố and targets pages keep to 960.
	const about = page.getByText(/^Cán bộ phường và trưởng khu phố đăng nhập/);
	for (const part of [
		about,
		page.getByRole('table'),
		page.getByRole('region', { name: 'Tạo tài khoản' })
	]) {
		expect((await part.boundingBox())!.width).toBeLessThanOrEqual(960);
	}
	// Each account's name stays on one line beside its buttons.
	const name = page.getByRole('cell', { name: 'Tình nguyện viên 1', exact: true });
	const lines = await name.evaluate((cell) => {
		const text = document.createRange();
		text.selectNodeContents(cell);
		return new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
	});
	expect(lines).toBe(1);
});
