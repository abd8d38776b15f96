import { expect, test, type Page } from '@playwright/test';
import { openHydrated, signIn } from '../support/pages';
import { ServerProcess } from '../support/server-process';
import {
	apiAs,
	classesClosedAfterEach,
	launchWithCardInCamera,
	newResident,
	newSession,
	pageKeptForOffline,
	signInAt,
	volunteerPhone
} from './support';

test.describe.configure({ timeout: 180_000 });

/** Classes opened on the shared server, closed after each test. */
const openClass = classesClosedAfterEach();

/** The Wi-Fi gone for the page's calls (check-ins, the class's refresh); its pages still load. */
async function dropNetwork(page: Page): Promise<void> {
	await page.route('**/api/checkins', (route) => route.abort('internetdisconnected'));
	await page.route('**/api/sessions/**', (route) => route.abort('internetdisconnected'));
}

async function networkBack(page: Page): Promise<void> {
	await page.unroute('**/api/checkins');
	await page.unroute('**/api/sessions/**');
}

test('a card held up to the camera offline is kept once: “Chờ gửi” counts the person, and the screen says it is saved already', async () => {
	const testInfo = test.info();
	const baseURL = testInfo.project.use.baseURL!;
	const api = await apiAs(baseURL);
	const resident = await newResident(api, 'Mai Thị Giơ Thẻ');
	const sessionId = await openClass(api, 'Buổi thử giơ thẻ lâu');
	const laterSessionId = await openClass(api, 'Buổi thử giơ thẻ lần sau');
	const browser = await launchWithCardInCamera(resident.cardCode);
	try {
		const page = await volunteerPhone(browser, baseURL);
		await signIn(page, 'tinhnguyen2', '246810');
		// The Wi-Fi drops before the resident holds the card up, and they hold it there.
		await dropNetwork(page);
		await openHydrated(page, `/diem-danh/${sessionId}`);
		await expect(page.locator('[data-result="queued"]')).toContainText(
			'Đã lưu, sẽ gửi khi có mạng',
			{ timeout: 15_000 }
		);
		const waiting = page.getByTestId('waiting');
		await expect(waiting).toHaveText('· Chờ gửi: 1');
		// Read again once the screen clears: saved already, in amber, not a second scan queued.
		const again = page.locator('[data-result="already"]');
		await expect(again).toContainText('Đã lưu rồi, đang chờ gửi', { timeout: 15_000 });
		await expect(again).toContainText(/Thẻ này đã quét lúc \d\d:\d\d\. Không cần quét lại\./);
		await expect(waiting).toHaveText('· Chờ gửi: 1');
		await page.screenshot({ path: testInfo.outputPath('camera-offline-saved-already.png') });
		// And again, as long as the card is held up.
		await expect(again).toBeHidden({ timeout: 10_000 });
		await expect(again).toContainText('Đã lưu rồi, đang chờ gửi', { timeout: 15_000 });
		await expect(waiting).toHaveText('· Chờ gửi: 1');
		await expect(page.locator('[data-result="queued"]')).toHaveCount(0);
		await expect(page.getByTestId('count')).toContainText('Đã điểm danh: 0');

		await networkBack(page);
		await expect(waiting).toHaveCount(0, { timeout: 15_000 });
		await expect(page.getByTestId('count')).toContainText('Đã điểm danh: 1');
		const attendance = await (await api.get(`/api/sessions/${sessionId}/attendance`)).json();
		expect(attendance.count).toBe(1);

		// Checked in online first; then the Wi-Fi drops with the card still held up: the phone
		// knows them, says so in amber, and keeps nothing to send.
		await openHydrated(page, `/diem-danh/${laterSessionId}`);
		await expect(page.locator('[data-result="ok"]')).toContainText('Mai Thị Giơ Thẻ', {
			timeout: 15_000
		});
		await dropNetwork(page);
		const known = page.locator('[data-result="already"]');
		await expect(known).toContainText(/Đã điểm danh lúc \d\d:\d\d/, { timeout: 15_000 });
		await expect(known).toContainText('Mai Thị Giơ Thẻ');
		await expect(page.getByTestId('offline')).toBeVisible();
		await page.screenshot({ path: testInfo.outputPath('camera-offline-known.png') });
		await expect(known).toBeHidden({ timeout: 10_000 });
		await expect(known).toContainText(/Đã điểm danh lúc \d\d:\d\d/, { timeout: 15_000 });
		await expect(page.getByTestId('waiting')).toHaveCount(0);
		await expect(page.getByTestId('count')).toContainText('Đã điểm danh: 1');
		await networkBack(page);
		const later = await (await api.get(`/api/sessions/${laterSessionId}/attendance`)).json();
		expect(later.count).toBe(1);
	} finally {
		await browser.close();
	}
});

test('offline, the same card from a USB scanner, or the same person picked again by name, is kept once', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const card = await newResident(api, 'Trịnh Văn Quét Hai Lần');
	const picked = await newResident(api, 'Trịnh Thị Chọn Lại');
	const sessionId = await openClass(api);
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/diem-danh/${sessionId}`);
	await page.route('**/api/checkins', (route) => route.abort('internetdisconnected'));

	await page.keyboard.type(card.cardCode, { delay: 5 });
	await page.keyboard.press('Enter');
	const saved = page.locator('[data-result="queued"]');
	await expect(saved).toContainText('Đã lưu, sẽ gửi khi có mạng');
	await expect(saved).toContainText('Chờ gửi: 1 lượt');
	await saved.click();
	// The scanner beeps it in again (lower case, as cheap scanners type it).
	await page.keyboard.type(card.cardCode.toLowerCase(), { delay: 5 });
	await page.keyboard.press('Enter');
	const again = page.locator('[data-result="already"]');
	await expect(again).toContainText('Đã lưu rồi, đang chờ gửi');
	await expect(again).toContainText('Thẻ này đã quét lúc');
	await expect(page.getByTestId('waiting')).toHaveText('· Chờ gửi: 1');
	await again.click();

	const search = page.getByLabel('Tìm theo tên (không cần dấu)');
	await search.fill('trinh thi chon lai');
	const person = page.getByRole('button', { name: new RegExp(picked.fullName) });
	await person.click();
	await expect(saved).toContainText(picked.fullName);
	await saved.click();
	await person.click();
	await expect(again).toContainText('Đã lưu rồi, đang chờ gửi');
	await expect(again).toContainText(picked.fullName);
	await expect(again).toContainText(/Người này đã chọn lúc \d\d:\d\d\. Không cần chọn lại\./);
	await page.screenshot({ path: testInfo.outputPath('name-offline-saved-already.png') });
	await expect(page.getByTestId('waiting')).toHaveText('· Chờ gửi: 2');
	await again.click();

	await page.unroute('**/api/checkins');
	await expect(page.getByTestId('waiting')).toHaveCount(0, { timeout: 15_000 });
	await expect(page.getByTestId('count')).toContainText('Đã điểm danh: 2');
	const attendance = await (await api.get(`/api/sessions/${sessionId}/attendance`)).json();
	expect(attendance.count).toBe(2);
});

test('with the sign-in ended a scan says it goes after signing in again, and how; a server that cannot store says so', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const first = await newResident(api, 'Tạ Văn Hết Phiên');
	const second = await newResident(api, 'Tạ Thị Đĩa Đầy');
	const sessionId = await openClass(api);
	await signIn(page, 'tinhnguyen1', '246810');
	await openHydrated(page, `/diem-danh/${sessionId}`);
	// The sign-in ran out (12 h) or was ended from another device; the network is fine.
	await page.context().clearCookies();
	await page.keyboard.type(first.cardCode, { delay: 5 });
	await page.keyboard.press('Enter');
	const saved = page.locator('[data-result="queued"]');
	await expect(saved).toContainText('Đã lưu, sẽ gửi sau khi đăng nhập lại');
	await expect(saved).toContainText('Phiên đăng nhập trên máy này đã hết.');
	await expect(saved).not.toContainText('khi có mạng');
	const signInAgain = page.getByRole('dialog').getByRole('link', { name: 'Đăng nhập lại' });
	await expect(signInAgain).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('signed-out-scan.png') });
	// The way to sign in is right there, and leads back to this class's scanner.
	await signInAgain.click();
	await expect(page).toHaveURL(/\/dang-nhap\?next=/);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByLabel('Tên đăng nhập').fill('tinhnguyen1');
	await page.getByLabel('Mật khẩu hoặc mã PIN 6 số').fill('246810');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).toHaveURL(new RegExp(`/diem-danh/${sessionId}$`));
	await expect(page.getByTestId('waiting')).toHaveCount(0, { timeout: 15_000 });
	await expect(page.getByTestId('count')).toContainText('Đã điểm danh: 1');

	// The server is there but cannot store (its disk full): not the network's fault.
	await page.locator('html[data-hydrated]').waitFor();
	await page.route('**/api/checkins', (route) =>
		route.fulfill({
			status: 503,
			contentType: 'application/json',
			body: '{"status":"error","reason":"disk_full"}'
		})
	);
	await page.keyboard.type(second.cardCode, { delay: 5 });
	await page.keyboard.press('Enter');
	await expect(saved).toContainText('Đã lưu trên điện thoại, sẽ tự gửi lại sau');
	await expect(saved).toContainText('Máy chủ chưa ghi được lúc này.');
	await expect(saved).not.toContainText('mạng');
	await expect(page.getByTestId('offline')).toContainText(
		'Máy chủ chưa ghi được lượt quét lúc này — các lượt quét vẫn được lưu trên máy này'
	);
	await expect(page.getByTestId('offline')).not.toContainText('Mất kết nối');
	await page.screenshot({ path: testInfo.outputPath('server-full-scan.png') });
	await saved.click();
	await page.unroute('**/api/checkins');
	await expect(page.getByTestId('waiting')).toHaveCount(0, { timeout: 15_000 });
	await expect(page.getByTestId('count')).toContainText('Đã điểm danh: 2');
});

test('reloaded with the server gone, the scanner shows the last count it heard, not its old copy’s', async ({
	page
}, testInfo) => {
	// Its own server, stopped and restarted; E2E_RELOAD_PORT moves it beside another checkout.
	const server = new ServerProcess(Number(process.env.E2E_RELOAD_PORT ?? 4315));
	await server.start();
	try {
		const api = await apiAs(server.url);
		const people = [];
		for (const name of ['Lâm Văn Một', 'Lâm Thị Hai', 'Lâm Văn Ba', 'Lâm Thị Bốn']) {
			people.push(await newResident(api, name));
		}
		const sessionId = await newSession(api);
		await signInAt(page, server.url);
		await openHydrated(page, `${server.url}/diem-danh/${sessionId}`);
		// The phone keeps a copy of the page (its count 0) once the page has settled.
		await pageKeptForOffline(page);
		for (const person of people.slice(0, 3)) {
			await page.keyboard.type(person.cardCode, { delay: 5 });
			await page.keyboard.press('Enter');
			await page.locator('[data-result="ok"]').click();
		}
		const count = page.getByTestId('count');
		await expect(count).toContainText('Đã điểm danh: 3');

		await server.stop();
		await page.keyboard.type(people[3].cardCode, { delay: 5 });
		await page.keyboard.press('Enter');
		await page.locator('[data-result="queued"]').click();
		await page.reload();
		await expect(page.getByTestId('offline')).toBeVisible({ timeout: 30_000 });
		await expect(count).toContainText('Đã điểm danh: 3');
		await expect(page.getByTestId('count-stale')).toHaveText(/^\(tính đến \d\d:\d\d\)$/);
		await expect(page.getByTestId('waiting')).toHaveText('· Chờ gửi: 1');
		await page.screenshot({ path: testInfo.outputPath('reloaded-offline-count.png') });

		await server.start();
		await expect(page.getByTestId('waiting')).toHaveCount(0, { timeout: 30_000 });
		await expect(count).toContainText('Đã điểm danh: 4');
	} finally {
		await server.stop();
	}
});
