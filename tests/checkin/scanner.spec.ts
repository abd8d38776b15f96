import { expect, test } from '@playwright/test';
import { openHydrated, signIn } from '../support/pages';
import { apiAs, newResident, newSession, nonce } from './support';

test('a USB scanner typing the code and Enter checks someone in', async ({ page }, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const resident = await newResident(api, 'Lê Văn Thắng');
	const sessionId = await newSession(api);
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/diem-danh/${sessionId}`);
	// This phone has no camera: it says so, and how to check people in all the same.
	await expect(
		page.getByText(
			'Máy này không có camera. Vẫn điểm danh được bằng máy quét USB hay tìm tên bên dưới.'
		)
	).toBeVisible();
	// Nor does the page then ask to hold a card up to it.
	await expect(
		page.getByText('Máy quét USB cũng dùng được: cứ quét, trang tự nhận.')
	).toBeVisible();
	await expect(page.getByText(/Đưa thẻ QR vào khung/)).toHaveCount(0);
	// A keyboard wedge: lower case and a stray space are what cheap scanners send.
	await page.keyboard.type(` ${resident.cardCode.toLowerCase()}`, { delay: 5 });
	await page.keyboard.press('Enter');
	const green = page.locator('[data-result="ok"]');
	await expect(green).toContainText('Lê Văn Thắng');
	await expect(page.getByTestId('count')).toContainText('1');
	await page.screenshot({ path: testInfo.outputPath('usb-green.png') });

	await green.click();
	await page.keyboard.type('THS-NOT-A-CARD');
	await page.keyboard.press('Enter');
	const red = page.locator('[data-result="error"]');
	await expect(red).toContainText('Không điểm danh được');
	await expect(red).toContainText('Mã này không phải thẻ của Trạm Học Số');
	await page.screenshot({ path: testInfo.outputPath('usb-red.png') });
});

test('a card scanned while the name search has the focus still checks the person in', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const resident = await newResident(api, 'Phan Thị Quét');
	const sessionId = await newSession(api);
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/diem-danh/${sessionId}`);
	// A volunteer half-way through typing a name; then someone holds up a card to the scanner.
	const search = page.getByLabel('Tìm theo tên (không cần dấu)');
	await search.fill('ngu');
	await page.keyboard.type(resident.cardCode, { delay: 5 });
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-result="ok"]')).toContainText('Phan Thị Quét');
	await expect(page.getByTestId('count')).toContainText('1');
	await page.locator('[data-result="ok"]').click();
	// What was typed before the scan is still there to finish.
	await expect(search).toHaveValue('ngu');
});

test('a name typed without diacritics finds the person and checks them in', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	await newResident(api, 'Đỗ Thị Ngọc Ánh');
	const sessionId = await newSession(api);
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/diem-danh/${sessionId}`);
	const search = page.getByLabel('Tìm theo tên (không cần dấu)');
	await search.fill('do');
	await expect(page.getByText('Xin gõ ít nhất 3 chữ cái của tên.')).toBeVisible();
	await search.fill('do thi ngoc anh');
	await page
		.getByRole('button', { name: /Đỗ Thị Ngọc Ánh/ })
		.first()
		.click();
	await expect(page.locator('[data-result="ok"]')).toContainText('Đỗ Thị Ngọc Ánh');
	// Several people may share a name: the green screen says which one came.
	await expect(page.locator('[data-result="ok"]')).toContainText('Sinh năm 1950 · Khu phố 3');
	await page.locator('[data-result="ok"]').click();
	await expect(page.getByTestId('count')).toContainText('1');
	await page.screenshot({ path: testInfo.outputPath('scanner-page.png'), fullPage: true });
	// The class's list tells namesakes apart the same way.
	await openHydrated(page, `/tinh-nguyen/buoi/${sessionId}`);
	await expect(page.getByRole('listitem').filter({ hasText: 'Đỗ Thị Ngọc Ánh' })).toContainText(
		'Đỗ Thị Ngọc Ánh (1950, Khu phố 3)'
	);
	// The wrong one picked: taken back from the list while the class is open, asked first.
	await page.getByRole('button', { name: 'Huỷ điểm danh của Đỗ Thị Ngọc Ánh' }).click();
	await expect(page.getByRole('alert')).toContainText('Dùng khi đã chọn nhầm người.');
	await page.getByRole('button', { name: 'Huỷ điểm danh này' }).click();
	await expect(page.getByRole('heading', { name: '0 người đã điểm danh' })).toBeVisible();
	const attendance = await (await api.get(`/api/sessions/${sessionId}/attendance`)).json();
	expect(attendance.count).toBe(0);
});

test('after a check-in by name the search stays, says who came, and the next is one tap', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	// Short addresses: the row's height is measured below, and a long one rightly takes two
	// lines (the default address's length moved with the test's place in the run).
	await newResident(api, 'Quách Tìm Một', 3, `Ngõ ${Date.now() % 1000}`);
	await newResident(api, 'Quách Tìm Hai', 3, `Ngõ ${(Date.now() % 1000) + 1}`);
	const sessionId = await newSession(api);
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/diem-danh/${sessionId}`);
	const search = page.getByLabel('Tìm theo tên (không cần dấu)');
	await search.fill('quach tim');
	const first = page.getByRole('button', { name: /Quách Tìm Một/ });
	// On a 360 px phone each person is one compact row, the name on one line across it: it
	// broke word by word beside a half-width button, over 200 px a person.
	await page.setViewportSize({ width: 360, height: 740 });
	expect((await first.boundingBox())!.height).toBeLessThan(140);
	expect((await first.locator('strong').boundingBox())!.height).toBeLessThan(40);
	await page.setViewportSize({ width: 412, height: 915 });
	await first.click();
	const green = page.locator('[data-result="ok"]');
	await expect(green).toContainText('Quách Tìm Một');
	await green.click();
	// The family is still listed, and the one just checked in says so.
	await expect(search).toHaveValue('quach tim');
	await expect(first).toContainText(/Đã điểm danh lúc \d\d:\d\d/);
	await page.screenshot({ path: testInfo.outputPath('name-search-kept.png') });
	await page.getByRole('button', { name: /Quách Tìm Hai/ }).click();
	await expect(green).toContainText('Quách Tìm Hai');
	await expect(page.getByTestId('count')).toContainText('2');
	await green.click();
	await page.getByRole('button', { name: 'Xoá', exact: true }).click();
	await expect(search).toHaveValue('');
});

test('with a keyboard, the result screen holds the focus: Tab and Enter past it check nobody else in', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	await newResident(api, 'Quách Phím Một', 3, `Ngõ phím ${Date.now() % 1000}`);
	await newResident(api, 'Quách Phím Hai', 3, `Ngõ phím ${(Date.now() % 1000) + 1}`);
	const sessionId = await newSession(api);
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/diem-danh/${sessionId}`);
	await page.getByLabel('Tìm theo tên (không cần dấu)').fill('quach phim');
	const first = page.getByRole('button', { name: /Quách Phím Một/ });
	await first.focus();
	await page.keyboard.press('Enter');
	const green = page.locator('[data-result="ok"]');
	await expect(green).toContainText('Quách Phím Một');
	await expect(green).toBeFocused();
	// What anyone does to get past "Chạm để quét tiếp": the list behind stays out of reach.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Escape');
	await expect(green).toBeHidden();
	// Back where the volunteer was, and still one check-in.
	await expect(first).toBeFocused();
	const attendance = await (await api.get(`/api/sessions/${sessionId}/attendance`)).json();
	expect(attendance.attendance.map((a: { fullName: string }) => a.fullName)).toEqual([
		'Quách Phím Một'
	]);
});

test('bad codes get a clear reason and leave nothing but the failed-scan log', async () => {
	const testInfo = test.info();
	const api = await apiAs(testInfo.project.use.baseURL!);
	const sessionId = await newSession(api);
	const resident = await newResident(api, 'Vũ Văn Cường');
	const bad: Array<[string, string]> = [
		['', 'malformed'],
		['A'.repeat(10_000), 'malformed'],
		['\u0000\u0001\u00ff\ufffdbinary', 'malformed'],
		["THS' OR 1=1; DROP TABLE attendance; --", 'malformed'],
		['<script>alert(1)</script>', 'malformed'],
		['https://example.com/the-qr?code=THS', 'malformed'],
		[
			'00020101021238570010A00000072701270006970436011312345678900208QRIBFTTA53037045802VN6304ABCD',
			'malformed'
		],
		['THS' + '2'.repeat(26), 'unknown_card']
	];
	for (const [code, reason] of bad) {
		const response = await api.post('/api/checkins', {
			data: { code, sessionId, nonce: nonce(), source: 'scanner' }
		});
		expect(response.status(), code.slice(0, 30)).toBeGreaterThanOrEqual(400);
		expect(response.status()).toBeLessThan(500);
		const body = await response.json();
		expect(body).toMatchObject({ status: 'error', reason });
		expect(body.message).toMatch(/[a-zà-ỹ]/);
	}
	// Wrong shapes: 4xx with a reason, never a 500.
	for (const data of [
		{},
		{ code: resident.cardCode },
		{ code: 5, sessionId, nonce: nonce(), source: 'camera' },
		{ code: resident.cardCode, sessionId, nonce: 'x', source: 'camera' },
		{ code: resident.cardCode, sessionId, nonce: nonce(), source: 'fax' }
	]) {
		const response = await api.post('/api/checkins', { data });
		expect(response.status()).toBe(400);
		expect((await response.json()).reason).toBe('invalid');
	}
	const notJson = await api.post('/api/checkins', {
		data: 'not json',
		headers: { 'content-type': 'application/json' }
	});
	expect(notJson.status()).toBe(400);

	const attendance = await (await api.get(`/api/sessions/${sessionId}/attendance`)).json();
	expect(attendance.count).toBe(0);
	// …but each failed scan is in the log the volunteers see.
	const listPage = await (await api.get(`/tinh-nguyen/buoi/${sessionId}`)).text();
	expect(listPage.split('Mã này không phải thẻ của Trạm Học Số').length - 1).toBe(7);
	expect(listPage).toContain('Không có thẻ nào mang mã này');
	const closed = await api.post(`/api/sessions/${sessionId}/close`);
	expect(closed.status()).toBe(200);
	const late = await api.post('/api/checkins', {
		data: { code: resident.cardCode, sessionId, nonce: nonce(), source: 'camera' }
	});
	expect(late.status()).toBe(409);
	expect((await late.json()).reason).toBe('session_closed');
});

test('two volunteers scanning the same card at once make one check-in', async () => {
	const testInfo = test.info();
	const baseURL = testInfo.project.use.baseURL!;
	const [a, b] = [await apiAs(baseURL, 'tinhnguyen3'), await apiAs(baseURL, 'tinhnguyen4')];
	const resident = await newResident(a, 'Hoàng Văn Đức');
	const sessionId = await newSession(a);
	const scan = (api: typeof a) =>
		api.post('/api/checkins', {
			data: { code: resident.cardCode, sessionId, nonce: nonce(), source: 'camera' }
		});
	const answers = await Promise.all([scan(a), scan(b), scan(a), scan(b)]);
	const statuses = answers.map((r) => r.status()).sort();
	expect(statuses).toEqual([200, 200, 200, 201]);
	const bodies = await Promise.all(answers.map((r) => r.json()));
	expect(bodies.filter((x) => x.status === 'already')).toHaveLength(3);
	expect((await (await a.get(`/api/sessions/${sessionId}/attendance`)).json()).count).toBe(1);

	// The same nonce sent twice (a retry after a lost answer) is one check-in too.
	const other = await newResident(a, 'Hoàng Thị Mai');
	const once = nonce();
	const first = await a.post('/api/checkins', {
		data: { code: other.cardCode, sessionId, nonce: once, source: 'camera' }
	});
	const again = await a.post('/api/checkins', {
		data: { code: other.cardCode, sessionId, nonce: once, source: 'camera' }
	});
	expect(first.status()).toBe(201);
	expect(again.status()).toBe(200);
	expect((await again.json()).status).toBe('ok');
	expect((await (await a.get(`/api/sessions/${sessionId}/attendance`)).json()).count).toBe(2);
});

test('typed on while the server is slow, the last search’s list cannot be tapped; a scan queued from the search names its person', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	await newResident(api, 'Ông Chậm Trước', 3, `Ngõ chậm ${Date.now() % 1000}`);
	await newResident(api, 'Ông Chậm Sau', 3, `Ngõ chậm ${(Date.now() % 1000) + 1}`);
	const sessionId = await newSession(api);
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/diem-danh/${sessionId}`);
	const search = page.getByLabel('Tìm theo tên (không cần dấu)');
	await search.fill('ong cham truoc');
	const earlier = page.getByRole('button', { name: /Ông Chậm Trước/ });
	await expect(earlier).toBeVisible();
	// The next search's answer takes 2.5 s.
	await page.route(
		'**/api/residents?*',
		async (route) => {
			await new Promise((r) => setTimeout(r, 2500));
			await route.continue().catch(() => undefined);
		},
		{ times: 1 }
	);
	await search.fill('ong cham sau');
	await expect(page.getByText('Đang tìm “ong cham sau”…')).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('search-stale.png') });
	// The earlier person is still drawn, greyed, but a tap reaches nobody.
	await earlier.click({ force: true });
	await expect(page.locator('[data-result]')).toHaveCount(0);
	const later = page.getByRole('button', { name: /Ông Chậm Sau/ });
	await expect(later).toBeVisible({ timeout: 6000 });
	await expect(earlier).toHaveCount(0);

	// The check-in gets no answer: queued, and the screen says whom it was for.
	await page.route('**/api/checkins', (route) => route.abort(), { times: 1 });
	await later.click();
	const queued = page.locator('[data-result="queued"]');
	await expect(queued).toContainText('Đã lưu, sẽ gửi khi có mạng');
	await expect(queued).toContainText('Ông Chậm Sau');
	await expect(queued).toContainText('Chờ gửi: 1 lượt');
	await page.screenshot({ path: testInfo.outputPath('search-queued-named.png') });
	await queued.click();
	// Sent by itself once the server answers: the person is checked in once.
	await expect(page.getByTestId('waiting')).toHaveCount(0, { timeout: 15_000 });
	await expect(page.getByTestId('count')).toContainText('1');
});
