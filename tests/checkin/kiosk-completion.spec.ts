import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PHRASES } from '../../src/lib/voice/phrases.js';
import { formatDate } from '../../src/lib/domain/time';
import { DEMO, openHydrated, signIn } from '../support/pages';
import { apiAs, newResident, nonce, launchWithCardInCamera, launchWithTestCamera } from './support';

/** A kiosk page at 1920×1080 with a card (or any text) held to its camera; nobody signs in. */
async function kioskWithCard(text: string, viewport = { width: 1920, height: 1080 }) {
	const baseURL = test.info().project.use.baseURL!;
	const browser = await launchWithCardInCamera(text);
	const context = await browser.newContext({
		baseURL,
		viewport,
		hasTouch: true,
		permissions: ['camera'],
		locale: 'vi-VN'
	});
	const page = await context.newPage();
	// Time runs as usual, and the test can jump it ahead.
	await page.clock.install();
	const said = () => page.evaluate(() => window.__narrator?.spoken.map((r) => r.text) ?? []);
	return { browser, page, said };
}

test('after a lesson a card shown to the kiosk camera, or to its USB scanner, is recorded, and no name appears', async ({
	browser: staffBrowser
}) => {
	const testInfo = test.info();
	const api = await apiAs(testInfo.project.use.baseURL!);
	const resident = await newResident(api, 'Trương Thị Kiều');
	const other = await newResident(api, 'Đỗ Văn Quét');
	const { browser, page, said } = await kioskWithCard(resident.cardCode);
	try {
		await openHydrated(page, '/bai-hoc/vneid-kich-hoat/ghi-nhan?tram=tram-1');
		const done = page.locator('[data-result="ok"]');
		await expect(done).toContainText('Đã ghi nhận', { timeout: 15_000 });
		await expect(done).toContainText('Kích hoạt');
		await expect(page.locator('body')).not.toContainText('Trương Thị Kiều');
		expect(await said()).toEqual(expect.arrayContaining([PHRASES.showCard, PHRASES.cardRecorded]));
		// No time pressure: the result waits for the resident, however long they read.
		await page.clock.fastForward(30_000);
		await expect(done).toBeVisible();
		await expect(page.getByRole('link', { name: 'Học bài khác' })).toHaveAttribute(
			'href',
			'/chu-de/dich-vu-cong'
		);
		await page.screenshot({ path: testInfo.outputPath('kiosk-recorded.png') });
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		// Someone else who did the lesson too: the camera again, for their card.
		await page.getByRole('button', { name: 'Ghi nhận thẻ khác' }).tap();
		await expect(page.getByRole('heading', { name: 'Ghi nhận bài học' })).toBeVisible();
		// The camera still sees the first card: not recorded twice, but answered, on screen
		// and aloud, rather than nothing at all.
		await expect(page.locator('[data-again]')).toHaveText(
			'Thẻ này vừa ghi nhận bài này rồi. Bác không cần giơ lại.'
		);
		await expect.poll(said).toContain(PHRASES.cardAgain);
		// They use the USB scanner beside the kiosk (a keyboard: the code fast, then Enter). The
		// camera still sees the first card, which the page has already taken.
		const recorded = page.waitForResponse('**/api/kiosk/completions', { timeout: 15_000 });
		await page.keyboard.type(other.cardCode, { delay: 5 });
		await page.keyboard.press('Enter');
		expect((await recorded).status()).toBe(201);
		await expect(done).toContainText('Đã ghi nhận');
		await expect(page.locator('body')).not.toContainText('Đỗ Văn Quét');
	} finally {
		await browser.close();
	}
	// What the kiosk said it recorded, a volunteer sees on the person's page and on the skills
	// page where they record what she can do (before, only the head's personal-data page
	// listed it, as "vneid-kich-hoat").
	const volunteer = await staffBrowser.newPage({ baseURL: testInfo.project.use.baseURL });
	try {
		await signIn(volunteer, 'tinhnguyen2', DEMO.pin);
		for (const path of [`/cu-dan/${resident.id}`, `/cu-dan/${resident.id}/ky-nang`]) {
			await openHydrated(volunteer, path);
			const lessons = volunteer.getByRole('region', { name: 'Bài đã học ở trạm' });
			await expect(lessons.getByRole('listitem')).toHaveText([
				`Kích hoạt tài khoản VNeID mức 2 — ${formatDate(Date.now())}`
			]);
		}
	} finally {
		await volunteer.context().close();
	}
});

// The kiosk's browser cannot reach its server: a help call would not reach anyone either, so
// neither the screen nor the voice sends the resident to "Gọi tình nguyện viên".
test('a kiosk that lost its server says so, on screen and aloud, and asks to try again later', async () => {
	const { browser, page, said } = await kioskWithCard('THS' + '8'.repeat(26));
	try {
		await page.route('**/api/kiosk/completions', (route) => route.abort('internetdisconnected'));
		await openHydrated(page, '/bai-hoc/tien-dien/ghi-nhan');
		const refused = page.locator('[data-result="error"]');
		await expect(refused).toContainText(PHRASES.cardOffline, { timeout: 15_000 });
		await expect.poll(said).toContain(`${PHRASES.cardNotRecorded} ${PHRASES.cardOffline}`);
		await expect(refused).not.toContainText('Gọi tình nguyện viên');
	} finally {
		await browser.close();
	}
});

// "Quay lại bài học" while the card was being recorded left at once: the lesson was recorded
// and the answer was said to a page no longer there, so the resident never knew.
test('“Quay lại bài học” while the card is being recorded waits for the answer, then shows and says it', async () => {
	const api = await apiAs(test.info().project.use.baseURL!);
	const resident = await newResident(api, 'Lưu Thị Vội Về');
	const { browser, page, said } = await kioskWithCard(resident.cardCode);
	try {
		// The server is slow to answer this time.
		let answer = () => {};
		const held = new Promise<void>((resolve) => (answer = resolve));
		await page.route('**/api/kiosk/completions', async (route) => {
			await held;
			await route.continue();
		});
		await openHydrated(page, '/bai-hoc/tien-dien/ghi-nhan');
		await expect(page.getByRole('status').filter({ hasText: 'Đang ghi nhận…' })).toBeVisible({
			timeout: 15_000
		});
		await page.getByRole('link', { name: 'Quay lại bài học' }).tap();
		await expect(page.getByText('Đang ghi nhận… Bác chờ một chút để biết kết quả.')).toBeVisible();
		expect(new URL(page.url()).pathname).toBe('/bai-hoc/tien-dien/ghi-nhan');
		answer();
		await expect(page.locator('[data-result="ok"]')).toContainText('Đã ghi nhận');
		await expect.poll(said).toContain(PHRASES.cardRecorded);
	} finally {
		await browser.close();
	}
});

test('a card the kiosk cannot record says why, waits, and can be tried again', async () => {
	const unknown = 'THS' + '7'.repeat(26);
	const { browser, page, said } = await kioskWithCard(unknown);
	try {
		await openHydrated(page, '/bai-hoc/tien-dien/ghi-nhan');
		const refused = page.locator('[data-result="error"]');
		await expect(refused).toContainText('Chưa ghi nhận được', { timeout: 15_000 });
		// In the resident's words, not the volunteers' screen's ("Không có thẻ nào mang mã này").
		await expect(refused).toContainText(
			'Trạm chưa nhận ra thẻ này. Bác nhờ tình nguyện viên xem giúp thẻ nhé.'
		);
		await expect(refused).not.toContainText('mang mã này');
		// Aloud too, why and what to do: "read the screen" failed those who need the voice.
		expect(await said()).toContain(`${PHRASES.cardNotRecorded} ${PHRASES.cardUnknown}`);
		await page.clock.fastForward(30_000);
		await expect(refused).toBeVisible();
		// Trying again sends the same card again (a success would not).
		const again = page.waitForResponse('**/api/kiosk/completions');
		await page.getByRole('button', { name: 'Thử lại' }).tap();
		expect((await again).status()).toBe(404);
		await expect(refused).toBeVisible();
		// Back to the lesson's finish screen (with "In bài này"), not to its first step.
		await expect(page.getByRole('link', { name: 'Quay lại bài học' })).toHaveAttribute(
			'href',
			'/bai-hoc/tien-dien?buoc=xong'
		);
	} finally {
		await browser.close();
	}
});

test('with a working camera the words and the way back stay on every kiosk screen, at every text size', async () => {
	// Chromium's own test picture: a camera that works and shows no card.
	const browser = await launchWithTestCamera();
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL!,
		hasTouch: true,
		permissions: ['camera'],
		locale: 'vi-VN'
	});
	const page = await context.newPage();
	const tapText = async (name: string) => {
		await page.getByRole('button', { name }).tap();
		// The kiosk takes a second tap this soon as the first one bouncing.
		await page.waitForTimeout(400);
	};
	try {
		for (const viewport of [
			{ width: 1366, height: 768 },
			{ width: 1920, height: 1080 },
			{ width: 1080, height: 1920 }
		]) {
			await page.setViewportSize(viewport);
			await openHydrated(page, '/bai-hoc/vssid/ghi-nhan');
			for (let taps = 0; taps <= 2; taps++) {
				if (taps > 0) {
					await tapText('Chữ to hơn');
					await expect
						.poll(() => page.evaluate(() => document.documentElement.style.fontSize))
						.toBe(['24px', '28px', '32px'][taps]);
				}
				await expect(page.locator('video')).toBeVisible({ timeout: 15_000 });
				const where = `${viewport.width}×${viewport.height}, A+ ×${taps}`;
				// The camera faces the resident: a mirror, so the card moves on screen the way
				// the hand does.
				expect(
					await page.locator('video').evaluate((v) => getComputedStyle(v).transform),
					where
				).toBe('matrix(-1, 0, 0, 1, 0, 0)');
				// The aiming square stays a square at the picture's new size (it was drawn once at
				// the start, and A+ made it a narrow slit).
				await expect
					.poll(
						() =>
							page.locator('#qr-shaded-region').evaluate((shade) => {
								const box = shade.getBoundingClientRect();
								const style = getComputedStyle(shade);
								const w = box.width - 2 * parseFloat(style.borderLeftWidth);
								const h = box.height - 2 * parseFloat(style.borderTopWidth);
								return Math.abs(w - h) <= 2 && w >= 0.75 * Math.min(box.width, box.height);
							}),
						{ message: where }
					)
					.toBe(true);
				const back = await page.getByRole('link', { name: 'Quay lại bài học' }).boundingBox();
				expect(back!.y + back!.height, where).toBeLessThanOrEqual(viewport.height);
				const lead = await page.getByText('Bác giơ thẻ QR của mình').boundingBox();
				expect(lead!.y, where).toBeGreaterThan(0);
				const camera = await page.getByRole('region', { name: 'Camera của trạm' }).boundingBox();
				expect(camera!.y + camera!.height, where).toBeLessThanOrEqual(back!.y);
				// Nothing below to scroll to: no "Còn nữa ở dưới" over the picture.
				await expect(page.getByRole('button', { name: /Còn nữa ở dưới/ })).toHaveCount(0);
			}
			await tapText('Chữ nhỏ hơn');
			await tapText('Chữ nhỏ hơn');
		}
	} finally {
		await browser.close();
	}
});

test('the kiosk completion API answers without a name and refuses bad cards', async ({
	request
}, testInfo) => {
	const api = await apiAs(testInfo.project.use.baseURL!);
	const resident = await newResident(api, 'Mạc Văn Tư');
	const send = (code: string, n = nonce()) =>
		request.post('/api/kiosk/completions', {
			data: { code, walkthroughId: 'tien-dien', kiosk: 'tram-1', nonce: n }
		});
	const ok = await send(resident.cardCode);
	expect(ok.status()).toBe(201);
	const text = await ok.text();
	expect(text).toContain('Đã ghi nhận');
	expect(text).not.toContain('Mạc');

	expect((await send('<script>')).status()).toBe(400);
	expect((await send('THS' + '3'.repeat(26))).status()).toBe(404);
	await api.post(`/api/residents/${resident.id}/cards`, { data: { action: 'reissue' } });
	const revoked = await send(resident.cardCode);
	expect(revoked.status()).toBe(410);
	expect((await revoked.json()).reason).toBe('revoked');
	const noLesson = await request.post('/api/kiosk/completions', {
		data: { code: resident.cardCode }
	});
	expect(noLesson.status()).toBe(400);
});

test('volunteer and resident pages at phone size have no axe violations', async ({
	page
}, testInfo) => {
	const { signIn } = await import('../support/pages');
	const api = await apiAs(testInfo.project.use.baseURL!);
	const resident = await newResident(api, 'Cao Thị Lan');
	// A name typed without spaces (100 letters are allowed) made these pages 2,000 px wide.
	const unbroken = await newResident(api, `Thạch${'a'.repeat(90)}`);
	await signIn(page, 'tinhnguyen2', '246810');
	for (const path of [
		'/tinh-nguyen',
		`/cu-dan/${resident.id}`,
		`/cu-dan/${unbroken.id}`,
		`/cu-dan/ho/${unbroken.householdId}`,
		'/cu-dan/ho-moi',
		'/cu-dan?q=cao+thi+lan',
		'/cu-dan/1/ky-nang',
		'/the-qr'
	]) {
		await openHydrated(page, path);
		// The page keeps the phone's width: nothing makes the browser zoom out.
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, path).toBeLessThanOrEqual(412);
		// Every field shown is tall enough for a finger (one hidden until its choice is made,
		// like the guardian's name, is not there to tap).
		const short = await page
			.locator('main input:not([type=hidden]):not([type=radio]):not([type=checkbox]), main select')
			.evaluateAll((els) =>
				els
					.filter((el) => el.checkVisibility() && el.getBoundingClientRect().height < 44)
					.map(
						(el) => `${el.getAttribute('name')}: ${Math.round(el.getBoundingClientRect().height)}px`
					)
			);
		expect(short, path).toEqual([]);
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
	}
});
