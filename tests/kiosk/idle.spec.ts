import { expect, test } from '@playwright/test';
import { Kiosk } from './kiosk-page';

test('after 5 minutes untouched the kiosk asks, counts down, then clears and goes home', async ({
	page
}) => {
	await page.clock.install();
	const k = new Kiosk(page);
	await k.open('/bai-hoc/mua-sam-an-toan');
	await k.tap(k.button('Chữ to hơn'));
	await expect
		.poll(() => page.evaluate(() => document.documentElement.style.fontSize))
		.toBe('28px');
	await k.tap(k.next);
	await k.progress(2, 8);

	// No time limit inside the lesson: four and a half minutes of listening changes nothing.
	await page.clock.runFor(270_000);
	await expect(page.getByRole('alertdialog')).toHaveCount(0);
	await page.clock.runFor(31_000);
	const ask = page.getByRole('alertdialog', { name: 'Bác còn ở đây không?' });
	await expect(ask).toBeVisible();
	await k.expectSaid('Bác còn ở đây không? Bác bấm nút Tôi vẫn đang học để học tiếp nhé.');
	const seconds = Number(await page.getByTestId('idle-countdown').textContent());
	expect(seconds).toBeGreaterThanOrEqual(59);

	await page.clock.runFor(30_000);
	// The installed clock also runs on by itself, so allow for a busy machine's extra seconds.
	const later = Number(await page.getByTestId('idle-countdown').textContent());
	expect(later).toBeLessThanOrEqual(seconds - 30);
	expect(later).toBeGreaterThan(0);
	await page.clock.runFor(31_000);
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('heading', { name: 'Bác muốn học gì hôm nay?' })).toBeVisible();
	await expect(ask).toHaveCount(0);
	// Every trace of the last person is gone: text size back to normal.
	expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('24px');
	// Nobody is there: the home page does not greet an empty room (it does when someone comes).
	await page.clock.runFor(2_000);
	expect((await k.narrations()).filter((t) => t.startsWith('Chào bác!'))).toEqual([]);
});

test('"Tôi vẫn đang học" keeps the lesson where it was', async ({ page }) => {
	await page.clock.install();
	const k = new Kiosk(page);
	await k.open('/bai-hoc/tien-dien');
	await k.tap(k.next);
	await k.progress(2, 7);
	await page.clock.runFor(301_000);
	// Forced: on a busy machine Playwright's hit test can race the dialog's first frame, and
	// the retry then finds the dialog gone (any touch counts as "still here").
	await expect(k.button('Tôi vẫn đang học')).toBeVisible();
	await k.tap(k.button('Tôi vẫn đang học'), { force: true });
	await expect(page.getByRole('alertdialog')).toHaveCount(0);
	await page.clock.runFor(70_000);
	await k.progress(2, 7);
	await expect(page).toHaveURL(/\/bai-hoc\/tien-dien\?buoc=2$/);
});

test('while a volunteer is on the way the kiosk does not send the learner home', async ({
	page
}) => {
	await page.clock.install();
	const k = new Kiosk(page);
	await k.open('/bai-hoc/vssid');
	await k.tap(k.next);
	await k.tap(k.button('Gọi tình nguyện viên'));
	await expect(page.getByText(/Tình nguyện viên sẽ đến giúp bác ngay/)).toBeVisible();
	// Nine minutes waiting for help, untouched: still the same lesson and step, no question.
	// (At ten the notice says nobody has taken the call yet: help.spec.)
	await page.clock.runFor(540_000);
	await expect(page.getByRole('alertdialog')).toHaveCount(0);
	await expect(page).toHaveURL(/\/bai-hoc\/vssid\?buoc=1$/);
	// Still on its way, or taken by now: kiosk tests in the other worker share this kiosk, and
	// help.spec answers the calls it finds open. Either way the grace holds.
	await expect(page.getByRole('status').filter({ hasText: 'Đã gọi lúc' })).toContainText(
		/Tình nguyện viên (sẽ đến giúp bác ngay|đã nhận lời lúc)/
	);
	// Left alone far longer than help takes, it still clears for the next person.
	await page.clock.runFor(660_000);
	await expect(page.getByRole('alertdialog', { name: 'Bác còn ở đây không?' })).toBeVisible();
});

test('"Về trang chủ" only goes home: the big text and a volunteer on the way stay until the kiosk is left alone', async ({
	page
}) => {
	await page.clock.install();
	const k = new Kiosk(page);
	const fontSize = () => page.evaluate(() => document.documentElement.style.fontSize);
	await k.open('/bai-hoc/vssid');
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.button('Chữ to hơn'));
	await expect.poll(fontSize).toBe('32px');
	await k.tap(k.button('Gọi tình nguyện viên'));
	const notice = page.getByRole('status').filter({ hasText: 'Đã gọi lúc' });
	await expect(notice).toBeVisible();

	await k.tap(page.getByRole('link', { name: 'Về trang chủ' }));
	await expect(page.getByRole('heading', { name: 'Bác muốn học gì hôm nay?' })).toBeVisible();
	expect(await fontSize()).toBe('32px');
	await expect(notice).toBeVisible();
	// Still waiting for the volunteer: the 20-minute grace holds, not the usual 5 minutes.
	await page.clock.runFor(600_000);
	await expect(page.getByRole('alertdialog')).toHaveCount(0);

	// Left alone long after that, the kiosk clears everything for the next person.
	await page.clock.runFor(601_000);
	await expect(page.getByRole('alertdialog', { name: 'Bác còn ở đây không?' })).toBeVisible();
	await page.clock.runFor(61_000);
	await expect(page.getByRole('alertdialog')).toHaveCount(0);
	await expect.poll(fontSize).toBe('24px');
	await expect(notice).toHaveCount(0);
	await expect(page.getByRole('status').filter({ hasText: 'tình nguyện viên' })).toHaveCount(0);
});
