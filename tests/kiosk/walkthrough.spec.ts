import { expect, test } from '@playwright/test';
import { PHRASES } from '../../src/lib/voice/phrases.js';
import { Kiosk, lesson } from './kiosk-page';

test('a learner finishes the VietQR lesson from the home screen, practice included', async ({
	page
}) => {
	test.setTimeout(120_000);
	const k = new Kiosk(page);
	const vietqr = lesson('chuyen-khoan-vietqr');
	const n = vietqr.steps.length;
	await k.open('/');
	await k.tap(page.getByRole('link', { name: /Thanh toán số/ }));
	await expect(page.getByRole('heading', { name: 'Thanh toán số' })).toBeVisible();
	const started = page.waitForRequest(
		(r) => r.url().endsWith('/api/kiosk/events') && r.postData()?.includes('"start"') === true
	);
	await k.tap(page.getByRole('link', { name: /Chuyển khoản bằng mã QR/ }));
	await started;

	// Step 1 is practice: one wrong tap gets a spoken hint and nothing moves on.
	await k.progress(1, n);
	await expect(page.getByText('Màn hình tập — không phải ứng dụng thật')).toBeVisible();
	const hint = vietqr.steps[0].practice!.hint;
	await k.tap(k.sim('transfer'));
	await expect(page.getByRole('status').filter({ hasText: hint })).toBeVisible();
	await k.expectSaid(`Chưa đúng chỗ. Bác thử lại nhé. ${hint}`);
	await k.tap(k.next);
	await k.progress(1, n);
	// The right tap is praised, then Tiếp tục moves on.
	await k.tap(k.sim('scan'));
	await expect(page.getByText('Đúng rồi! Bác bấm Tiếp tục nhé.')).toBeVisible();
	await k.tap(k.next);

	// Listen before the last step: the event leaves the moment the end screen shows. It goes
	// as a beacon, whose answer Playwright does not always report under load: wait for the
	// request, then check its answer when there is one to see.
	const completed = page.waitForRequest(
		(r) => r.url().endsWith('/api/kiosk/events') && r.postData()?.includes('"complete"') === true
	);
	for (let i = 1; i < n; i++) {
		const step = vietqr.steps[i];
		await k.progress(i + 1, n);
		await expect(page.getByTestId('instruction')).toHaveText(step.text);
		if (step.practice) {
			await k.tap(k.sim(step.practice.target));
			await expect(page.getByText('Đúng rồi! Bác bấm Tiếp tục nhé.')).toBeVisible();
		}
		await k.tap(k.next);
	}

	await expect(page.getByRole('heading', { name: 'Bác đã hoàn thành!' })).toBeVisible();
	const answer = await Promise.race([
		(await completed).response(),
		new Promise<null>((done) => setTimeout(() => done(null), 5000))
	]);
	if (answer) expect(answer.status()).toBe(201);
	await expect(page.getByRole('link', { name: 'Ghi nhận vào thẻ' })).toHaveAttribute(
		'href',
		'/bai-hoc/chuyen-khoan-vietqr/ghi-nhan'
	);
	// The kiosk prints without a dialog: the tap prints once and says where the paper is.
	await page.evaluate(() => {
		const w = window as unknown as { prints: number };
		w.prints = 0;
		window.print = () => void w.prints++;
	});
	const printed = page.getByRole('status').filter({ hasText: 'Đã gửi bài sang máy in.' });
	await expect(printed).toHaveCount(0);
	await k.tap(page.getByRole('button', { name: 'In bài này' }));
	await expect(printed).toContainText(PHRASES.printed);
	await k.expectSaid(PHRASES.printed);
	expect(await page.evaluate(() => (window as unknown as { prints: number }).prints)).toBe(1);

	// Every step's words were handed to the narrator (captions are on screen regardless).
	const said = await k.narrations();
	for (const step of vietqr.steps) expect(said).toContain(step.say ?? step.text);
});

test(
	'after two misses the right place is highlighted; Quay lại and Nghe lại work',
	{ tag: '@size-blind' },
	async ({ page }) => {
		const k = new Kiosk(page);
		const vneid = lesson('vneid-kich-hoat');
		await k.open('/bai-hoc/vneid-kich-hoat');
		await k.progress(1, vneid.steps.length);
		await k.tap(k.next);
		await k.progress(2, vneid.steps.length);
		await k.tap(k.sim('app'));
		await expect(k.sim('install')).not.toHaveClass(/highlight/);
		await k.tap(k.sim('app'));
		await expect(k.sim('install')).toHaveClass(/highlight/);
		// Each miss is said too, a moment after the screen shows it: count from after both.
		await expect
			.poll(async () => (await k.narrations()).filter((s) => s.startsWith('Chưa đúng chỗ')).length)
			.toBe(2);

		const before = (await k.narrations()).length;
		await k.tap(k.button('Nghe lại'));
		await expect
			.poll(async () => (await k.narrations()).slice(before))
			.toEqual([vneid.steps[1].say]);
		await k.tap(k.button('Quay lại'));
		await k.progress(1, vneid.steps.length);
		await expect(page.getByTestId('instruction')).toHaveText(vneid.steps[0].text);
	}
);

test(
	'a quick double tap on Tiếp tục moves one step, not two',
	{ tag: '@size-blind' },
	async ({ page }) => {
		const k = new Kiosk(page);
		await k.open('/bai-hoc/tien-dien');
		await k.progress(1, 7);
		await k.next.tap();
		await k.next.tap();
		await k.progress(2, 7);
		await page.waitForTimeout(500);
		await expect(page.getByText('Bước 2/7', { exact: true })).toBeVisible();
	}
);

test('a step whose voice lists five rules shows all five, numbered, on screen', async ({
	page
}) => {
	const k = new Kiosk(page);
	const scam = lesson('nhan-dien-lua-dao');
	const at = scam.steps.findIndex((s) => s.points);
	const points = scam.steps[at].points!;
	expect(points).toHaveLength(5);
	await k.openAtStep(scam, at);
	const card = page.getByTestId('points');
	await expect(card.getByRole('listitem')).toHaveText(points);
	// All five readable without scrolling, beside (or under) the caption, at this screen size.
	for (const item of await card.getByRole('listitem').all()) await expect(item).toBeInViewport();
	await expect(k.next).toBeInViewport();
	await k.expectSaid(scam.steps[at].say!);
});

test(
	'a tap on a screen that is only to look at is answered, not met with silence',
	{ tag: '@size-blind' },
	async ({ page }) => {
		const k = new Kiosk(page);
		const khaiSinh = lesson('dvc-khai-sinh');
		const at = khaiSinh.steps.findIndex((s) => s.screen && !s.practice);
		await k.openAtStep(khaiSinh, at);
		await k.tap(page.locator('.screen'));
		await expect(page.getByRole('status')).toHaveText(
			'Ở bước này bác chỉ cần xem. Bác bấm Tiếp tục ở dưới để sang bước sau nhé.'
		);
		await k.expectSaid('Ở bước này bác chỉ cần xem. Bác bấm Tiếp tục ở dưới để sang bước sau nhé.');
		// Nothing was blocked: Tiếp tục goes on as before.
		await k.tap(k.next);
		await k.progress(at + 2, khaiSinh.steps.length);
	}
);

test(
	'a tap on a trap (the scam message, "Vẫn chuyển") says why it is dangerous, not only "try again"',
	{ tag: '@size-blind' },
	async ({ page }) => {
		const k = new Kiosk(page);
		const scam = lesson('nhan-dien-lua-dao');
		const at = scam.steps.findIndex((s) => s.practice?.target === 'delete');
		const { hint, wrong } = scam.steps[at].practice!;
		await k.openAtStep(scam, at);
		await k.tap(k.sim('scam-sms'));
		const warning = page.getByRole('status');
		await expect(warning).toHaveText(`${wrong!['scam-sms']} ${hint}`);
		await expect(warning).toContainText('Đây là tin nhắn lừa đảo');
		await k.expectSaid(`${wrong!['scam-sms']} ${hint}`);
		// It counts as a miss like any other, and the right tap still goes on.
		await k.tap(k.sim('delete'));
		await expect(page.getByText('Đúng rồi! Bác bấm Tiếp tục nhé.')).toBeVisible();

		// A wrong place with no words of its own gets the usual hint.
		const vietqr = lesson('chuyen-khoan-vietqr');
		await k.openAtStep(vietqr, 0);
		await k.tap(k.sim('transfer'));
		await expect(page.getByRole('status')).toHaveText(vietqr.steps[0].practice!.hint);
	}
);

test('on the practice phone a resident swipes up to find a message below; the swipe is not a wrong tap', async ({
	page
}) => {
	const k = new Kiosk(page);
	const chamVuot = lesson('cham-vuot');
	const at = chamVuot.steps.findIndex((s) => s.practice?.swipe === 'up');
	const { target } = chamVuot.steps[at].practice!;
	await k.openAtStep(chamVuot, at);
	await expect(page.getByText('Bác thử vuốt màn hình tập.')).toBeVisible();
	// The message is below, out of sight, and the phone says there is more.
	await expect(k.sim(target)).not.toBeInViewport();
	await expect(page.getByText('▼ Còn nữa ở dưới, vuốt lên để xem')).toBeVisible();

	// Four strokes of the finger reach the end of the list on every kiosk size.
	await k.swipeUp(page.locator('.screen'), 4);
	await expect(k.sim(target)).toBeInViewport();
	// The finger touched other messages on its way: that was a swipe, not a miss.
	await expect(page.getByRole('status')).toHaveCount(0);
	expect((await k.narrations()).filter((t) => t.startsWith('Chưa đúng chỗ'))).toEqual([]);

	await k.tap(k.sim(target));
	await expect(page.getByText('Đúng rồi! Bác bấm Tiếp tục nhé.')).toBeVisible();
});

test(
	'the place is kept: a reload stays on the step, and the card page comes back to the finish screen; neither counts a second start',
	{ tag: '@size-blind' },
	async ({ page }) => {
		test.setTimeout(90_000);
		const k = new Kiosk(page);
		const vietqr = lesson('chuyen-khoan-vietqr');
		const n = vietqr.steps.length;
		const events: string[] = [];
		page.on('request', (r) => {
			if (r.url().endsWith('/api/kiosk/events')) events.push(JSON.parse(r.postData()!).kind);
		});
		const step = async (i: number) => {
			const p = vietqr.steps[i].practice;
			if (p) await k.tap(k.sim(p.target));
			await k.tap(k.next);
		};
		await k.open(`/bai-hoc/${vietqr.id}`);
		await step(0);
		await step(1);
		await k.progress(3, n);
		await expect(page).toHaveURL(`/bai-hoc/${vietqr.id}?buoc=3`);

		await page.reload();
		await k.progress(3, n);
		for (let i = 2; i < n; i++) await step(i);
		await expect(page.getByRole('heading', { name: 'Bác đã hoàn thành!' })).toBeVisible();
		await expect(page).toHaveURL(`/bai-hoc/${vietqr.id}?buoc=xong`);

		await k.tap(page.getByRole('link', { name: 'Ghi nhận vào thẻ' }));
		await expect(page.getByRole('heading', { name: 'Ghi nhận bài học' })).toBeVisible();
		await k.tap(page.getByRole('link', { name: 'Quay lại bài học' }));
		await expect(page.getByRole('heading', { name: 'Bác đã hoàn thành!' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'In bài này' })).toBeVisible();
		// The reload was not leaving: no "leave", no second "start".
		await expect.poll(() => events).toEqual(['start', 'complete']);
	}
);
