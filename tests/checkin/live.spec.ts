import { expect, test, type Browser, type Page } from '@playwright/test';
import { openHydrated } from '../support/pages';
import { apiSignIn } from '../support/sign-in';
import { apiAs, newResident, newSession } from './support';

/**
 * Several volunteers scan into one class: each phone's count follows the others' within a
 * second or two (the live channel, GET /api/live), not at its next 15-s refresh.
 */

/** A volunteer's phone signed in as `username`, on the class's scanner. */
async function phoneOn(browser: Browser, username: string, sessionId: number, paused: boolean) {
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		viewport: { width: 412, height: 915 },
		isMobile: true,
		hasTouch: true,
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh'
	});
	expect((await apiSignIn(context.request, username, '246810')).ok()).toBe(true);
	const page = await context.newPage();
	if (paused) {
		// This phone's clock stands still: its 15-s refresh never comes, so whatever reaches it
		// came over the live channel.
		await page.clock.install();
		await page.clock.pauseAt(Date.now() + 1000);
	}
	const live = page.waitForResponse((r) => r.url().includes(`/api/live?session=${sessionId}`));
	await openHydrated(page, `/diem-danh/${sessionId}`);
	expect((await live).status()).toBe(200);
	return page;
}

const count = (page: Page) => page.getByTestId('count').locator('strong');

test('a check-in, an undo and a close on one phone show on another phone of the class within 2 s', async ({
	browser
}) => {
	const api = await apiAs(test.info().project.use.baseURL!, 'tinhnguyen1');
	const resident = await newResident(api, 'Trần Văn Trực Tiếp');
	const sessionId = await newSession(api, 'Buổi thử hai điện thoại');
	const scanning = await phoneOn(browser, 'tinhnguyen1', sessionId, false);
	const watching = await phoneOn(browser, 'tinhnguyen3', sessionId, true);
	await expect(count(watching)).toHaveText('0');

	await scanning.keyboard.type(resident.cardCode, { delay: 5 });
	await scanning.keyboard.press('Enter');
	await expect(scanning.locator('[data-result="ok"]')).toContainText('Trần Văn Trực Tiếp');
	await expect(count(scanning)).toHaveText('1');
	await expect(count(watching)).toHaveText('1', { timeout: 2000 });
	await watching.screenshot({ path: test.info().outputPath('live-other-phone.png') });

	// Taken back (the class's list, "Huỷ"): the other phone counts one less.
	const undone = await api.delete(`/api/sessions/${sessionId}/attendance/${resident.id}`);
	expect(undone.status()).toBe(200);
	await expect(count(watching)).toHaveText('0', { timeout: 2000 });

	// Closed on another phone: no more scanning here either.
	expect((await api.post(`/api/sessions/${sessionId}/close`)).status()).toBe(200);
	await expect(watching.getByText(/Buổi học này đã đóng lúc \d\d:\d\d/)).toBeVisible({
		timeout: 2000
	});
	await expect(watching.getByTestId('offline')).toHaveCount(0);
	await scanning.context().close();
	await watching.context().close();
});

test('without the live channel the count still comes, at the 15-s refresh, and the page says nothing is wrong', async ({
	browser
}) => {
	const api = await apiAs(test.info().project.use.baseURL!, 'tinhnguyen1');
	const resident = await newResident(api, 'Trần Thị Chờ Lượt');
	const sessionId = await newSession(api, 'Buổi thử không trực tiếp');
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		viewport: { width: 412, height: 915 },
		isMobile: true,
		hasTouch: true
	});
	expect((await apiSignIn(context.request, 'tinhnguyen3', '246810')).ok()).toBe(true);
	const page = await context.newPage();
	// A proxy that holds the stream back, or refuses it: the channel never says anything.
	await context.route('**/api/live**', (route) => route.abort());
	await page.clock.install();
	await page.clock.pauseAt(Date.now() + 1000);
	await openHydrated(page, `/diem-danh/${sessionId}`);
	await expect(count(page)).toHaveText('0');
	const scanned = await api.post('/api/checkins', {
		data: { code: resident.cardCode, sessionId, nonce: `live-${Date.now()}`, source: 'camera' }
	});
	expect(scanned.status()).toBe(201);
	await page.clock.runFor(14_000);
	await expect(count(page)).toHaveText('0');
	await page.clock.runFor(1_500);
	await expect(count(page)).toHaveText('1');
	await expect(page.getByTestId('offline')).toHaveCount(0);
	await context.close();
});
