import { expect, test } from '@playwright/test';
import { openHydrated, signIn } from '../support/pages';
import { ServerProcess } from '../support/server-process';
import { apiAs, newResident, newSession, pageKeptForOffline, signInAt } from './support';

test.describe.configure({ timeout: 180_000 });

test('scans made while the server is down are kept, sent later, and recorded once at their time', async ({
	page
}, testInfo) => {
	// Its own server, stopped and restarted; E2E_OFFLINE_PORT moves it beside another checkout.
	const server = new ServerProcess(Number(process.env.E2E_OFFLINE_PORT ?? 4312));
	await server.start();
	try {
		const api = await apiAs(server.url);
		const people = [
			await newResident(api, 'Ngô Văn Một'),
			await newResident(api, 'Ngô Văn Hai'),
			await newResident(api, 'Ngô Văn Ba')
		];
		// Refused when the queue is finally sent: a card revoked before the scan, and a card
		// nobody holds (well formed, so it is queued like any other).
		const revoked = await newResident(api, 'Ngô Văn Thu Hồi');
		const revoke = await api.post(`/api/residents/${revoked.id}/cards`, {
			data: { action: 'revoke', code: revoked.cardCode }
		});
		expect(revoke.ok()).toBe(true);
		const nobodys = `THS${'2345678923456789234567892'}3`;
		const late = await newResident(api, 'Ngô Văn Chậm');
		const sessionId = await newSession(api);
		await signInAt(page, server.url);
		// The page's timers on a clock the test moves: its 15-s refresh is passed without waiting.
		// Set back by as much, so the scans' times stay the server's (it takes none from later).
		await page.clock.install({ time: Date.now() - 20_000 });
		await openHydrated(page, `${server.url}/diem-danh/${sessionId}`);
		// The service worker keeps a copy of this page (for the reload below, server gone), once
		// the page has settled (installing it at once slowed the camera's first scan).
		await page.clock.runFor(5000);
		await pageKeptForOffline(page);

		await server.stop();
		// The refresh with the server gone: the scanner stays, says so, and keeps working.
		await page.clock.fastForward('00:20');
		await expect(page.getByTestId('offline')).toContainText(
			'Mất kết nối với máy chủ — các lượt quét vẫn được lưu'
		);
		await expect(page).toHaveURL(`${server.url}/diem-danh/${sessionId}`);
		// Real time: the page's clock is the test's, and the server puts each scan at how long
		// it waited on that clock (sentAt − scannedAt) before it arrived.
		const scannedBefore = Date.now();
		for (const code of [...people.map((p) => p.cardCode), revoked.cardCode, nobodys]) {
			await page.keyboard.type(code);
			await page.keyboard.press('Enter');
			const saved = page.locator('[data-result="queued"]');
			await expect(saved).toContainText('Đã lưu, sẽ gửi khi có mạng');
			// Drawn, not the ⏳ emoji: a kiosk's Linux has no emoji font (an empty box).
			await expect(saved.locator('svg')).toBeVisible();
			await saved.click();
		}
		// The same card again while offline: saved already, not a second scan queued ("Chờ gửi"
		// counts people).
		await page.keyboard.type(people[0].cardCode);
		await page.keyboard.press('Enter');
		await expect(page.locator('[data-result="already"]')).toContainText('Đã lưu rồi');
		await expect(page.getByTestId('waiting')).toHaveText('· Chờ gửi: 5');
		await page.screenshot({ path: testInfo.outputPath('offline-queued.png') });
		// Reloaded with the server gone: the last copy of the page, its queue still there.
		await page.reload();
		await expect(page.getByTestId('offline')).toBeVisible();
		await expect(page.getByTestId('waiting')).toHaveText('· Chờ gửi: 5');
		// The copy's count is as old as the copy: other phones may have checked people in since.
		await expect(page.getByTestId('count-stale')).toHaveText(/^\(tính đến \d\d:\d\d\)$/);
		await page.screenshot({ path: testInfo.outputPath('offline-reloaded.png') });
		await page.waitForTimeout(1500);

		const backAt = Date.now();
		await server.start();
		await expect(page.getByTestId('waiting')).toHaveCount(0, { timeout: 30_000 });
		await expect(page.getByTestId('count')).toContainText('3');
		await expect(page.getByTestId('offline')).toHaveCount(0);
		await expect(page.getByTestId('count-stale')).toHaveCount(0);
		// What did not get in is said in words, by name where the card is known, until read.
		const refused = page.getByTestId('refused');
		await expect(refused).toContainText(
			'1 lượt chưa ghi được: Ngô Văn Thu Hồi — Thẻ này đã bị thu hồi — xin dùng thẻ mới.'
		);
		await expect(refused).toContainText(
			'1 lượt chưa ghi được: một thẻ không rõ — Không có thẻ nào mang mã này.'
		);
		await page.screenshot({ path: testInfo.outputPath('offline-refused.png') });
		// Kept on the phone until read: a reload does not hide who did not get in.
		await page.reload();
		await expect(refused).toContainText('1 lượt chưa ghi được: Ngô Văn Thu Hồi');
		await expect(refused).toContainText('1 lượt chưa ghi được: một thẻ không rõ');
		await page.clock.fastForward('01:00');
		await refused.getByRole('button', { name: 'Đã hiểu' }).click();
		await expect(refused).toHaveCount(0);
		await page.reload();
		await expect(page.getByTestId('count')).toContainText('3');
		await expect(refused).toHaveCount(0);

		// A slow answer: "Đang gửi…" at once; no answer in 3 s, the scan is queued. The server
		// had recorded it all the same: the queued copy (same nonce) is not counted again.
		await page.route(
			'**/api/checkins',
			async (route) => {
				const response = await route.fetch();
				await new Promise((r) => setTimeout(r, 3500));
				await route.fulfill({ response }).catch(() => undefined); // the page gave up
			},
			{ times: 1 }
		);
		await page.keyboard.type(late.cardCode);
		await page.keyboard.press('Enter');
		await expect(page.locator('[data-result="sending"]')).toContainText('Đang gửi…');
		// 3 s, then the IndexedDB write: room for a busy machine (6 s once fell short in CI).
		await expect(page.locator('[data-result="queued"]')).toBeVisible({ timeout: 10_000 });
		// The server is there, only slow: the volunteer is not sent looking for the Wi-Fi.
		await expect(page.getByTestId('offline')).toContainText('Máy chủ chưa trả lời —');
		await expect(page.getByTestId('waiting')).toHaveCount(0, { timeout: 15_000 });
		await expect(page.getByTestId('count')).toContainText('4');

		const api2 = await apiAs(server.url);
		const list = await (await api2.get(`/api/sessions/${sessionId}/attendance`)).json();
		expect(list.count).toBe(4);
		const ids = people.map((p) => p.id);
		for (const entry of list.attendance.filter((e: { residentId: number }) =>
			ids.includes(e.residentId)
		)) {
			// Recorded at the moment of the scan, not when the network came back (the page's
			// test clock may run a few milliseconds off the real one).
			expect(entry.checkedInAt).toBeGreaterThanOrEqual(scannedBefore - 1000);
			expect(entry.checkedInAt).toBeLessThan(backAt);
		}
		// The class's list of refused scans names the revoked card's owner too.
		await page.goto(`${server.url}/tinh-nguyen/buoi/${sessionId}`);
		await expect(page.getByText(/Ngô Văn Thu Hồi: Thẻ này đã bị thu hồi/)).toBeVisible();

		// Signing out takes the kept scanner pages off the phone (someone else may pick it up).
		const keptPages = () =>
			page.evaluate(async () => {
				const kept: string[] = [];
				for (const name of await caches.keys()) {
					for (const r of await (await caches.open(name)).keys()) kept.push(r.url);
				}
				return kept.filter((url) => new URL(url).pathname.startsWith('/diem-danh/'));
			});
		expect(await keptPages()).not.toEqual([]);
		await page.goto(`${server.url}/dang-xuat`);
		await page.getByRole('button', { name: 'Đăng xuất khỏi máy này' }).click();
		await expect(page.getByText('Đã đăng xuất.', { exact: false })).toBeVisible();
		await expect.poll(keptPages).toEqual([]);
	} finally {
		await server.stop();
	}
});

test('scans still on the phone after leaving the scanner: every staff page says so, the close question too, and sends them', async ({
	page
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const people = [await newResident(api, 'Lý Văn Chờ'), await newResident(api, 'Lý Thị Chờ')];
	const title = `Buổi thử chờ gửi ${Date.now()}`;
	const sessionId = await newSession(api, title);
	await signIn(page, 'tinhnguyen2', '246810');
	await openHydrated(page, `/diem-danh/${sessionId}`);
	// The network gone for check-ins only: the pages themselves still load.
	await page.route('**/api/checkins', (route) => route.abort());
	for (const person of people) {
		await page.keyboard.type(person.cardCode);
		await page.keyboard.press('Enter');
		await expect(page.locator('[data-result="queued"]')).toContainText(
			'Đã lưu, sẽ gửi khi có mạng'
		);
		await page.locator('[data-result="queued"]').click();
	}

	// The volunteer goes to close the class: the page says what the phone still holds.
	await openHydrated(page, '/tinh-nguyen');
	const pending = page.getByTestId('pending-scans');
	await expect(pending).toContainText('Điện thoại này còn 2 lượt điểm danh chưa gửi');
	const session = page.getByRole('article').filter({ hasText: title });
	await session.getByRole('button', { name: 'Đóng buổi' }).click();
	await expect(session.getByRole('alert')).toContainText(
		'Điện thoại này còn 2 lượt điểm danh của buổi này chưa gửi'
	);
	await page.screenshot({ path: testInfo.outputPath('close-with-pending.png') });
	await session.getByRole('button', { name: 'Không, để nguyên' }).click();
	// Back online: sent from this page, without opening the scanner again.
	await page.unroute('**/api/checkins');
	await expect(pending).toBeHidden({ timeout: 15_000 });
	const attendance = await (await api.get(`/api/sessions/${sessionId}/attendance`)).json();
	expect(attendance.count).toBe(2);
	// The class's count on this page follows (it said "0 người" still).
	await expect(session).toContainText(' · 2 người');
});
