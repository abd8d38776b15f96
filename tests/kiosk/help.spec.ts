import {
	expect,
	test,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
	type Response
} from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHydrated } from '../support/pages';
import { ServerProcess } from '../support/server-process';
import { apiSignIn } from '../support/sign-in';
import { Kiosk } from './kiosk-page';

/** A resident on a topic page taps "Gọi tình nguyện viên": the kiosk and the server's answer. */
async function callFromKiosk(page: Page): Promise<{ k: Kiosk; response: Response }> {
	const k = new Kiosk(page);
	await k.open('/chu-de/y-te');
	const sent = page.waitForResponse((r) => r.url().endsWith('/api/kiosk/help'));
	await k.tap(k.button('Gọi tình nguyện viên'));
	return { k, response: await sent };
}

/** A volunteer's phone: a browser context of its own beside the kiosk's. */
function volunteerPhone(browser: Browser, baseURL = test.info().project.use.baseURL!) {
	return browser.newContext({
		baseURL,
		viewport: { width: 412, height: 915 },
		hasTouch: true,
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh'
	});
}

/** Answers every call still open (left by another test), as the volunteer’s "Tôi đến ngay" does. */
async function answerOpenCalls(phone: BrowserContext, baseURL = test.info().project.use.baseURL!) {
	const left = (await (await phone.request.get('/api/help')).json()) as { help: { id: number }[] };
	const origin = new URL(baseURL).origin;
	for (const { id } of left.help) {
		await phone.request.post('/tinh-nguyen?/answer', {
			form: { id: String(id) },
			headers: { origin }
		});
	}
}

/**
 * Answers the open calls until the volunteer's open page shows none. Once is not enough: kiosk
 * tests in the other worker (and staff-bar.spec) may call from the same kiosk between the
 * answers and the look, and that call then reaches this page too.
 */
async function answerUntilNoneShown(phone: BrowserContext, calls: Locator) {
	await expect(async () => {
		await answerOpenCalls(phone);
		await expect(calls).toHaveCount(0, { timeout: 3000 });
	}).toPass({ timeout: 30_000 });
}

test('"Gọi tình nguyện viên" stores a request, tells the learner someone is coming, and volunteers see where', async ({
	page
}) => {
	const { k, response } = await callFromKiosk(page);
	expect([200, 201]).toContain(response.status());
	const body = await response.json();
	expect(body).toMatchObject({ status: 'ok', place: 'Nhà văn hoá khu phố 1' });
	expect(typeof body.id).toBe('number');
	await expect(page.getByRole('status')).toContainText('Tình nguyện viên sẽ đến giúp bác ngay');
	await k.expectSaid('Bác chờ một chút nhé. Tình nguyện viên sẽ đến giúp bác ngay.');

	// "Đóng" only hides the notice: the call stays on its way. Tapping the button again shows
	// the call already made (its time) and says it again; no second call is sent.
	const notice = page.getByRole('status').filter({ hasText: 'Đã gọi lúc' });
	const shown = await notice.textContent();
	let posts = 0;
	page.on('request', (r) => {
		if (r.url().endsWith('/api/kiosk/help')) posts++;
	});
	await k.tap(notice.getByRole('button', { name: 'Đóng' }));
	await expect(notice).toHaveCount(0);
	const before = (await k.narrations()).length;
	await k.tap(k.button('Gọi tình nguyện viên'));
	await expect(notice).toHaveText(shown!);
	await expect
		.poll(async () => (await k.narrations()).slice(before))
		.toContain('Bác chờ một chút nhé. Tình nguyện viên sẽ đến giúp bác ngay.');
	expect(posts).toBe(0);

	// The server too takes a second request while one is open as the same one.
	const again = await page.request.post('/api/kiosk/help');
	expect(await again.json()).toMatchObject({ id: body.id, repeated: true });

	// A volunteer reads where to go in words: the kiosk's place, not its id "tram-1".
	// Signed in through the API (the page shares its cookies): the form's page costs seconds.
	expect((await apiSignIn(page.request, 'tinhnguyen1', '246810')).ok()).toBe(true);
	await page.goto('/tinh-nguyen');
	const calls = page.getByRole('region', { name: 'Trạm đang gọi tình nguyện viên' });
	await expect(calls.getByRole('listitem').first()).toContainText(
		/Nhà văn hoá khu phố 1 gọi tình nguyện viên lúc \d{2}:\d{2}/
	);
	await expect(calls).not.toContainText('tram-1');

	// Taking the call says whose it was. (Whether the list is empty then depends on the other
	// kiosk tests running beside this one: they call from the same kiosk.)
	await page.locator('html[data-hydrated]').waitFor();
	await calls.getByRole('button', { name: 'Tôi đến ngay' }).first().click();
	await expect(page.getByTestId('help-answered')).toHaveText(
		'Bạn đã nhận lời gọi của Nhà văn hoá khu phố 1. Xin đến trạm ngay; các tình nguyện viên khác không còn thấy lời gọi này.'
	);
});

test('when a volunteer takes the call, the kiosk says someone is really on the way', async ({
	page
}) => {
	const { k, response } = await callFromKiosk(page);
	const call = await response.json();
	const notice = page.getByRole('status').filter({ hasText: 'Đã gọi lúc' });
	await expect(notice).toContainText('Tình nguyện viên sẽ đến giúp bác ngay');
	// The notice closed meanwhile: the news opens it again.
	await k.tap(notice.getByRole('button', { name: 'Đóng' }));

	// A volunteer taps "Tôi đến ngay" on their phone (the same form post, through the API).
	expect((await apiSignIn(page.request, 'tinhnguyen2', '246810')).ok()).toBe(true);
	const origin = new URL(page.url()).origin;
	const taken = await page.request.post('/tinh-nguyen?/answer', {
		form: { id: String(call.id) },
		headers: { origin }
	});
	expect(taken.ok()).toBe(true);

	// The kiosk asks every 10 s while a call is on its way.
	await expect(notice).toContainText(/Tình nguyện viên đã nhận lời lúc \d{2}:\d{2} và đang tới/, {
		timeout: 15_000
	});
	await k.expectSaid('Tình nguyện viên đã nhận lời và đang tới. Bác chờ một chút nhé.');
});

test('a call nobody takes in 10 minutes stops promising "ngay", and the button calls again', async ({
	page
}) => {
	// Nobody takes it, whatever the other tests' volunteers answer meanwhile.
	await page.route('**/api/kiosk/help/*', (route) => route.fulfill({ json: { answeredAt: null } }));
	await page.clock.install();
	const { k } = await callFromKiosk(page);
	const notice = page.getByRole('status').filter({ hasText: 'Đã gọi lúc' });
	await expect(notice).toContainText('Tình nguyện viên sẽ đến giúp bác ngay');
	await k.tap(notice.getByRole('button', { name: 'Đóng' }));

	// Nine minutes on: still on its way.
	await page.clock.pauseAt(Date.now() + 1000);
	await page.clock.runFor('09:00');
	await expect(notice).toHaveCount(0);
	// Past ten: the notice opens again and says so, on screen and aloud.
	await page.clock.runFor('01:20');
	await expect(notice).toContainText(/^Đã gọi lúc \d{2}:\d{2} nhưng chưa/);
	await expect(notice).toContainText(
		'nhưng chưa có tình nguyện viên nhận lời. Bác bấm “Gọi tình nguyện viên” để gọi lại, hoặc nhờ người bên cạnh giúp nhé.'
	);
	await expect(notice).not.toContainText('ngay');
	await k.expectSaid(
		'Chưa có tình nguyện viên nhận lời. Bác bấm nút Gọi tình nguyện viên để gọi lại, hoặc nhờ người bên cạnh giúp nhé.'
	);
	// The button now sends a call again.
	const sent = page.waitForResponse((r) => r.url().endsWith('/api/kiosk/help'));
	await k.tap(k.button('Gọi tình nguyện viên'));
	expect((await sent).ok()).toBe(true);
	await expect(notice).toContainText('Tình nguyện viên sẽ đến giúp bác ngay');
});

test('a volunteer half way through registering a household on a phone is called, wherever they scrolled, and answers without losing a letter', async ({
	page,
	browser
}) => {
	// The volunteer's phone, buzzes recorded.
	const phone = await volunteerPhone(browser);
	await phone.addInitScript(() => {
		const w = window as unknown as { buzzes: unknown[] };
		w.buzzes = [];
		navigator.vibrate = (pattern) => (w.buzzes.push(pattern), true);
	});
	expect((await apiSignIn(phone.request, 'tinhnguyen3', '246810')).ok()).toBe(true);
	const vol = await phone.newPage();
	const buzzes = async () =>
		(await vol.evaluate(() => (window as unknown as { buzzes: unknown[] }).buzzes)).length;
	await openHydrated(vol, '/cu-dan/ho-moi');
	await vol.getByLabel('Khu phố').selectOption({ label: 'Khu phố 5' });
	await vol.getByLabel('Địa chỉ').fill('Số 8, tổ 2, đường Trần Phú');
	await vol.getByLabel('Họ và tên').fill('Lê Thị Hoa');
	await vol.getByLabel('Năm sinh').fill('1956');
	await vol.getByRole('button', { name: 'Lưu hộ và chủ hộ' }).scrollIntoViewIfNeeded();
	// A call left open by another test would already be on the page (no buzz: it is not new to
	// it), and the kiosk's tap would join it rather than arrive.
	const calls = vol.getByRole('region', { name: 'Trạm đang gọi tình nguyện viên' });
	await answerUntilNoneShown(phone, calls);
	const before = await buzzes();

	// (A call of another test may still come first; this tap then joins it: one call, one buzz.)
	const { response } = await callFromKiosk(page);
	const call = await response.json();

	// The call comes at once (the live channel; else the bar's look every 10 s), to the part of
	// the page in view, with a buzz.
	await expect(calls).toBeInViewport({ timeout: 15_000 });
	await expect(calls.getByRole('listitem')).toContainText(
		/Nhà văn hoá khu phố 1 gọi tình nguyện viên lúc \d{2}:\d{2}/
	);
	expect(await buzzes()).toBe(before + 1);
	await vol.screenshot({ path: test.info().outputPath('call-on-household-form.png') });
	// A field brought into view (a link to it, the first one to correct) lands below the banner,
	// not under it.
	const address = vol.getByLabel('Địa chỉ');
	await address.evaluate((el) => el.scrollIntoView());
	const bannerBottom = await calls.evaluate((el) => el.getBoundingClientRect().bottom);
	const label = await address.evaluate((el) => el.closest('label')!.getBoundingClientRect().top);
	expect(label).toBeGreaterThanOrEqual(bannerBottom - 1);

	await calls.getByRole('button', { name: 'Tôi đến ngay' }).tap();
	await expect(vol.getByTestId('help-answered')).toHaveText(
		'Bạn đã nhận lời gọi của Nhà văn hoá khu phố 1. Xin đến trạm ngay; các tình nguyện viên khác không còn thấy lời gọi này.'
	);
	const status = await (await page.request.get(`/api/kiosk/help/${call.id}`)).json();
	expect(status.answeredAt).toEqual(expect.any(Number));
	// Still the same half-filled form, nothing reloaded.
	await expect(vol).toHaveURL(/\/cu-dan\/ho-moi$/);
	await expect(vol.getByLabel('Khu phố')).toHaveValue(/.+/);
	expect(await vol.getByLabel('Khu phố').locator('option:checked').textContent()).toBe('Khu phố 5');
	await expect(vol.getByLabel('Địa chỉ')).toHaveValue('Số 8, tổ 2, đường Trần Phú');
	await expect(vol.getByLabel('Họ và tên')).toHaveValue('Lê Thị Hoa');
	await expect(vol.getByLabel('Năm sinh')).toHaveValue('1956');
	await phone.close();
});

test('a call reaches a volunteer’s open page within 2 s, not at the bar’s next look', async ({
	page,
	browser
}) => {
	const phone = await volunteerPhone(browser);
	expect((await apiSignIn(phone.request, 'tinhnguyen2', '246810')).ok()).toBe(true);
	const vol = await phone.newPage();
	// The phone's clock stands still: the bar's 10-s look never comes, so a call that shows
	// came over the live channel.
	await vol.clock.install();
	await vol.clock.pauseAt(Date.now() + 1000);
	const live = vol.waitForResponse((r) => r.url().endsWith('/api/live'));
	await openHydrated(vol, '/the-qr');
	expect((await live).status()).toBe(200);
	// A call left open by another test would already be on the page: answered now, it goes
	// (over the same channel). Kiosk tests in the other worker may call at any moment, and
	// this server is one kiosk: the tap below may find their call on its way (200) rather than
	// make one (201). Either call was made after this page opened, so it came by the channel.
	const calls = vol.getByRole('region', { name: 'Trạm đang gọi tình nguyện viên' });
	await answerUntilNoneShown(phone, calls);

	const { response } = await callFromKiosk(page);
	expect([200, 201]).toContain(response.status());
	await expect(calls.getByRole('listitem')).toContainText(
		/Nhà văn hoá khu phố 1 gọi tình nguyện viên lúc \d{2}:\d{2}/,
		{ timeout: 2000 }
	);
	await phone.close();
});

/**
 * A kiosk's calls as one kiosk and its volunteers live them, on a server of these tests' own:
 * the kiosk tests in the other worker call from the shared server's one kiosk at any moment,
 * and a call they join or replace there is not this kiosk's story. Its clock can be moved on
 * (tests/support/shifted-clock.mjs): a call made again ten minutes later must be later for
 * the server too, which counts taps within two minutes as the same call.
 */
test.describe('one kiosk, its calls, and a volunteer’s phone', () => {
	test.describe.configure({ mode: 'serial' });
	const MIN = 60_000;
	const shiftFile = join(mkdtempSync(join(tmpdir(), 'ths-help-clock-')), 'shift-ms');
	writeFileSync(shiftFile, '0');
	let shifted = 0;
	const server = new ServerProcess(Number(process.env.E2E_HELP_PORT ?? 4373), undefined, {
		NODE_OPTIONS: `--import=${new URL('../support/shifted-clock.mjs', import.meta.url).href}`,
		CLOCK_SHIFT_FILE: shiftFile
	});
	/** Moves the server's clock on by `ms`, from its very next look. */
	const serverLater = (ms: number) => writeFileSync(shiftFile, String((shifted += ms)));

	test.beforeAll(() => server.start());
	test.afterAll(() => server.stop());

	/** The kiosk's screen, its clock the test's; and the volunteer's phone on /tinh-nguyen. */
	async function kioskAndPhone(browser: Browser, lesson = '/chu-de/y-te') {
		const screen = await browser.newContext({
			baseURL: server.url,
			viewport: { width: 1920, height: 1080 },
			hasTouch: true,
			locale: 'vi-VN',
			timezoneId: 'Asia/Ho_Chi_Minh'
		});
		const page = await screen.newPage();
		await page.clock.install();
		const k = new Kiosk(page);
		await k.open(lesson);
		const phone = await volunteerPhone(browser, server.url);
		expect((await apiSignIn(phone.request, 'tinhnguyen1', '246810')).ok()).toBe(true);
		// Whatever an earlier test here left open is taken first: this test's calls are its own.
		await answerOpenCalls(phone, server.url);
		const vol = await phone.newPage();
		await openHydrated(vol, '/tinh-nguyen');
		const calls = vol.getByRole('region', { name: 'Trạm đang gọi tình nguyện viên' });
		await expect(calls).toHaveCount(0);
		const notice = page.getByRole('status').filter({ hasText: 'Đã gọi lúc' });
		const call = async (expected = 201) => {
			const sent = page.waitForResponse(
				(r) => r.url().endsWith('/api/kiosk/help') && r.request().method() === 'POST',
				{ timeout: 5000 }
			);
			await k.tap(k.button('Gọi tình nguyện viên'));
			const response = await sent;
			expect(response.status()).toBe(expected);
			return (await response.json()) as { id: number; at: number };
		};
		return { page, k, vol, calls, notice, call, phone, screen };
	}

	/** "HH:mm" of instant `ms` in Vietnam, as the pages write it. */
	const hhmm = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(11, 16);

	test('after a volunteer took the call and the notice was closed, the next tap calls a volunteer again', async ({
		browser
	}) => {
		const { page, k, vol, calls, notice, call, phone, screen } = await kioskAndPhone(
			browser,
			'/bai-hoc/chuyen-khoan-vietqr'
		);
		await call();
		await expect(calls.getByRole('listitem')).toHaveCount(1);
		await calls.getByRole('button', { name: 'Tôi đến ngay' }).tap();
		await expect(vol.getByTestId('help-answered')).toContainText('Bạn đã nhận lời gọi');
		await expect(calls.getByRole('listitem')).toHaveCount(0);
		// The kiosk hears at its next look (every 10 s) that someone is on the way.
		await page.clock.runFor(10_500);
		await expect(notice).toContainText(/Tình nguyện viên đã nhận lời lúc \d{2}:\d{2} và đang tới/);
		await k.tap(notice.getByRole('button', { name: 'Đóng' }));
		await expect(notice).toHaveCount(0);

		// The volunteer came and went. Two minutes later the resident needs help again.
		await page.clock.runFor(2 * MIN);
		const before = (await k.narrations()).length;
		const sent = page.waitForResponse(
			(r) => r.url().endsWith('/api/kiosk/help') && r.request().method() === 'POST'
		);
		await k.tap(k.button('Gọi tình nguyện viên'));
		// Before, the kiosk said the old call again ("đã nhận lời và đang tới") and sent nothing.
		await expect(notice).toContainText(
			'Tình nguyện viên sẽ đến giúp bác ngay. Bác chờ một chút nhé.'
		);
		await expect(notice).not.toContainText('đã nhận lời');
		await expect
			.poll(async () => (await k.narrations()).slice(before))
			.toEqual(['Bác chờ một chút nhé. Tình nguyện viên sẽ đến giúp bác ngay.']);
		// And the volunteers are really called: the phone shows the new call.
		await expect(calls.getByRole('listitem')).toHaveCount(1);
		const again = (await (await sent).json()) as { at: number };
		await expect(notice).toContainText(`Đã gọi lúc ${hhmm(again.at)}.`);
		await expect(calls.getByRole('listitem')).toContainText(
			`Nhà văn hoá khu phố 1 gọi tình nguyện viên lúc ${hhmm(again.at)}`
		);
		await phone.close();
		await screen.close();
	});

	test('a kiosk left alone clears itself and withdraws the call nobody took: it leaves the volunteers’ phones', async ({
		browser
	}) => {
		const { page, calls, notice, call, phone, screen } = await kioskAndPhone(browser);
		const made = await call();
		await expect(calls.getByRole('listitem')).toContainText(
			`Nhà văn hoá khu phố 1 gọi tình nguyện viên lúc ${hhmm(made.at)}`
		);
		// The resident gave up and went home. Twenty minutes untouched, the kiosk asks; a minute
		// later it clears everything for the next person and goes home.
		await page.clock.runFor(20 * MIN + 1000);
		await expect(page.getByRole('alertdialog', { name: 'Bác còn ở đây không?' })).toBeVisible();
		await page.clock.runFor(61_000);
		await expect(page.getByRole('heading', { name: 'Bác muốn học gì hôm nay?' })).toBeVisible();
		await expect(notice).toHaveCount(0);
		// Nobody is waiting there any more: no volunteer is sent to an empty kiosk.
		await expect(calls).toHaveCount(0, { timeout: 15_000 });
		const status = await (await phone.request.get(`/api/kiosk/help/${made.id}`)).json();
		expect(status).toMatchObject({ answeredAt: null, closed: 'withdrawn' });
		await phone.close();
		await screen.close();
	});

	test('a kiosk calling again after ten minutes unanswered is one line on the phones, and taking it reaches the kiosk', async ({
		browser
	}) => {
		const { page, k, calls, notice, call, phone, screen } = await kioskAndPhone(browser);
		const first = await call();
		await expect(calls.getByRole('listitem')).toHaveCount(1);
		// Ten minutes and more, nobody took it: the kiosk says to call again.
		await page.clock.runFor(10 * MIN + 20_000);
		serverLater(12 * MIN);
		await expect(notice).toContainText('nhưng chưa có tình nguyện viên nhận lời');
		const second = await call();
		expect(second.id).not.toBe(first.id);
		await expect(notice).toContainText(
			`Đã gọi lúc ${hhmm(second.at)}. Tình nguyện viên sẽ đến giúp bác ngay.`
		);
		// One line for the kiosk, the newer call's; not 19:16 and 19:28 side by side.
		const line = calls.getByRole('listitem');
		await expect(line).toHaveCount(1);
		await expect(line).toContainText(`lúc ${hhmm(second.at)}`);

		await line.getByRole('button', { name: 'Tôi đến ngay' }).tap();
		await expect(calls.getByTestId('help-answered')).toContainText('Bạn đã nhận lời gọi');
		await expect(line).toHaveCount(0);
		await page.clock.runFor(10_500);
		await expect(notice).toContainText(/Tình nguyện viên đã nhận lời lúc \d{2}:\d{2} và đang tới/);
		await k.expectSaid('Tình nguyện viên đã nhận lời và đang tới. Bác chờ một chút nhé.');
		await phone.close();
		await screen.close();
	});

	test('a volunteer whose sign-in ended is told calls will not come, and signs in again back where they were', async ({
		browser
	}) => {
		const { vol, calls, call, phone, screen } = await kioskAndPhone(browser);
		await openHydrated(vol, '/cu-dan');
		// The 12 hours are up, or they signed out on another phone: the cookie is gone, and the
		// page still shows their name and "Đăng xuất".
		await phone.clearCookies();
		const made = await call();
		const notice = vol.getByRole('region', { name: 'Không nhận được lời gọi của trạm' });
		await expect(notice).toContainText(
			'Phiên đăng nhập đã hết, nên máy này tạm thời không nhận được lời gọi tình nguyện viên từ trạm. Xin đăng nhập lại để nhận tiếp.',
			{ timeout: 15_000 }
		);
		await expect(notice).toBeInViewport();
		await expect(calls).toHaveCount(0);
		await vol.screenshot({ path: test.info().outputPath('signed-out-notice.png') });

		await notice.getByRole('link', { name: 'Đăng nhập lại' }).tap();
		await expect(vol).toHaveURL(/\/dang-nhap\?next=%2Fcu-dan$/);
		await vol.getByLabel('Tên đăng nhập').fill('tinhnguyen1');
		await vol.getByLabel('Mật khẩu hoặc mã PIN 6 số').fill('246810');
		await vol.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(vol).toHaveURL(/\/cu-dan$/);
		// Signed in again: the kiosk's call is there, and the notice has gone.
		await expect(calls.getByRole('listitem')).toContainText(
			`Nhà văn hoá khu phố 1 gọi tình nguyện viên lúc ${hhmm(made.at)}`
		);
		await expect(notice).toHaveCount(0);
		await phone.close();
		await screen.close();
	});
});

test('the lesson API lists every walkthrough with its counts and a working url', async ({
	request
}) => {
	const res = await request.get('/api/walkthroughs');
	expect(res.status()).toBe(200);
	const list: Array<Record<string, unknown>> = await res.json();
	expect(list.length).toBeGreaterThanOrEqual(12);
	const ids = list.map((l) => l.id);
	for (const id of [
		'vneid-kich-hoat',
		'chuyen-khoan-vietqr',
		'tien-dien',
		'vssid',
		'mua-sam-an-toan',
		'nhan-dien-lua-dao',
		'dvc-khai-sinh'
	]) {
		expect(ids).toContain(id);
	}
	for (const l of list) {
		expect(Object.keys(l).sort()).toEqual(
			['id', 'practiceSteps', 'steps', 'title', 'topic', 'url'].sort()
		);
		expect(typeof l.steps).toBe('number');
		expect(typeof l.practiceSteps).toBe('number');
	}
	expect(list.filter((l) => (l.practiceSteps as number) > 0).length).toBeGreaterThanOrEqual(8);
	const page = await request.get(String(list[0].url));
	expect(page.status()).toBe(200);
});

test('bad lesson events get a Vietnamese 4xx, never a 500', async ({ request }) => {
	const post = (data: unknown) =>
		request.post('/api/kiosk/events', {
			data: typeof data === 'string' ? data : JSON.stringify(data),
			headers: { 'content-type': 'application/json' }
		});
	const cases: Array<[unknown, string]> = [
		['not json', 'malformed'],
		[{ walkthroughId: 'khong-co', kind: 'start' }, 'unknown_walkthrough'],
		[{ walkthroughId: 'vssid', kind: 'xoa' }, 'bad_kind'],
		[{ walkthroughId: 'vssid', kind: 'leave', step: 99 }, 'bad_step'],
		[{ walkthroughId: 'vssid', kind: 'leave' }, 'bad_step']
	];
	for (const [data, reason] of cases) {
		const res = await post(data);
		expect(res.status(), JSON.stringify(data)).toBe(400);
		expect(await res.json()).toMatchObject({ status: 'error', reason });
	}
	expect((await post({ walkthroughId: 'vssid', kind: 'leave', step: 3 })).status()).toBe(201);
});
