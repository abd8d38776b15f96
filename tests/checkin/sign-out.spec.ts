import { expect, test, type Page } from '@playwright/test';
import { openHydrated, signIn } from '../support/pages';
import { apiAs, classesClosedAfterEach, newResident } from './support';

/** Classes opened on the shared server, closed after each test. */
const openClass = classesClosedAfterEach();

/** Scans a card with the USB scanner while check-ins cannot reach the server: kept. */
async function scanKept(page: Page, code: string): Promise<void> {
	await page.keyboard.type(code, { delay: 5 });
	await page.keyboard.press('Enter');
	const saved = page.locator('[data-result="queued"]');
	await expect(saved).toContainText('Đã lưu, sẽ gửi khi có mạng');
	await saved.click();
}

const queueOnPhone = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('ths-diem-danh', 2);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const all = open.result.transaction('queue').objectStore('queue').count();
					all.onsuccess = () => resolve(all.result);
				};
			})
	);

test('signing out with scans not yet sent asks first: send now, stay, or sign out and send after the next sign-in', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const people = [
		await newResident(api, 'Kiều Văn Chưa Gửi'),
		await newResident(api, 'Kiều Thị Chưa Gửi'),
		await newResident(api, 'Kiều Văn Gửi Sau')
	];
	const sessionId = await openClass(api);
	await signIn(page, 'tinhnguyen1', '246810');
	await openHydrated(page, `/diem-danh/${sessionId}`);
	await page.route('**/api/checkins', (route) => route.abort('internetdisconnected'));
	await scanKept(page, people[0].cardCode);
	await scanKept(page, people[1].cardCode);

	const signOut = page.getByRole('button', { name: 'Đăng xuất', exact: true });
	await signOut.click();
	const question = page.getByRole('dialog', { name: 'Còn 2 lượt điểm danh chưa gửi' });
	await expect(question).toBeVisible();
	await expect(question).toContainText(
		'Các lượt này còn trên điện thoại, chưa lên máy chủ. Đăng xuất bây giờ thì chúng chỉ được gửi khi có người đăng nhập lại trên chính điện thoại này.'
	);
	await page.screenshot({ path: testInfo.outputPath('sign-out-question.png') });
	// Still no network: sending says why it did not, and nothing happens behind the question.
	await question.getByRole('button', { name: 'Gửi ngay rồi đăng xuất' }).click();
	await expect(question.getByRole('alert')).toHaveText(
		'Chưa gửi được: điện thoại chưa kết nối được với máy chủ.'
	);
	await expect(page).toHaveURL(new RegExp(`/diem-danh/${sessionId}$`));
	await question.getByRole('button', { name: 'Ở lại, chưa đăng xuất' }).click();
	await expect(question).toBeHidden();
	await expect(page.getByText('Tình nguyện viên 1')).toBeVisible();

	// Asked again; the network is back now: sent, then signed out.
	await signOut.click();
	await expect(question).toBeVisible();
	await page.unroute('**/api/checkins');
	await question.getByRole('button', { name: 'Gửi ngay rồi đăng xuất' }).click();
	await expect(page).toHaveURL(/\/dang-nhap\?da-dang-xuat$/);
	await expect(page.getByRole('status')).toHaveText(
		'Đã đăng xuất. Máy này không còn mở trang làm việc của bạn.'
	);
	const sent = await (await api.get(`/api/sessions/${sessionId}/attendance`)).json();
	expect(sent.count).toBe(2);
	expect(await queueOnPhone(page)).toBe(0);

	// Signed out anyway, knowingly: the scan stays on the phone and goes after the next sign-in.
	await signIn(page, 'tinhnguyen1', '246810');
	await openHydrated(page, `/diem-danh/${sessionId}`);
	await page.route('**/api/checkins', (route) => route.abort('internetdisconnected'));
	await scanKept(page, people[2].cardCode);
	await signOut.click();
	const one = page.getByRole('dialog', { name: 'Còn 1 lượt điểm danh chưa gửi' });
	await one.getByRole('button', { name: 'Vẫn đăng xuất, gửi sau' }).click();
	await expect(page).toHaveURL(/\/dang-nhap\?da-dang-xuat$/);
	expect(await queueOnPhone(page)).toBe(1);
	// The next one to sign in here is told the phone holds it.
	await expect(page.getByTestId('waiting-on-phone')).toHaveText(
		'Điện thoại này còn 1 lượt điểm danh chưa gửi: sẽ tự gửi sau khi đăng nhập.'
	);
	await page.unroute('**/api/checkins');
	await signIn(page, 'tinhnguyen3', '246810');
	await expect
		.poll(
			async () => (await (await api.get(`/api/sessions/${sessionId}/attendance`)).json()).count,
			{
				timeout: 15_000
			}
		)
		.toBe(3);
});

test('signing out with no network says so in Vietnamese and stays on the scanner, which still scans', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const resident = await newResident(api, 'Đinh Văn Mất Mạng');
	const sessionId = await openClass(api);
	await signIn(page, 'tinhnguyen1', '246810');
	await openHydrated(page, `/diem-danh/${sessionId}`);
	await page.context().setOffline(true);
	await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
	const problem = page.getByTestId('sign-out-problem');
	await expect(problem).toContainText(
		'Chưa đăng xuất được: đăng xuất cần có mạng, mà điện thoại đang không kết nối được với máy chủ. Bạn vẫn đang đăng nhập trên máy này và vẫn quét thẻ được.'
	);
	await expect(page).toHaveURL(new RegExp(`/diem-danh/${sessionId}$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Buổi thử điểm danh');
	await page.screenshot({ path: testInfo.outputPath('sign-out-offline.png') });
	// The scanner is still there and working.
	await scanKept(page, resident.cardCode);

	// Back online: the scanner sends the scan by itself, and signing out works.
	await page.context().setOffline(false);
	await expect(page.getByTestId('waiting')).toHaveCount(0, { timeout: 15_000 });
	await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
	await expect(page).toHaveURL(/\/dang-nhap\?da-dang-xuat$/);
	const attendance = await (await api.get(`/api/sessions/${sessionId}/attendance`)).json();
	expect(attendance.count).toBe(1);
});

test('without JavaScript, “Đăng xuất” still signs out', async ({ browser }, testInfo) => {
	const context = await browser.newContext({
		baseURL: testInfo.project.use.baseURL,
		javaScriptEnabled: false
	});
	const page = await context.newPage();
	await page.goto('/dang-nhap');
	await page.getByLabel('Tên đăng nhập').fill('tinhnguyen4');
	await page.getByLabel('Mật khẩu hoặc mã PIN 6 số').fill('246810');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).not.toHaveURL(/dang-nhap/);
	await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
	await expect(page).toHaveURL(/\/dang-nhap\?da-dang-xuat$/);
	await expect(page.getByText('Đã đăng xuất.', { exact: false })).toBeVisible();
	await page.goto('/tinh-nguyen');
	await expect(page).toHaveURL(/\/dang-nhap\?next=/);
	await context.close();
});
