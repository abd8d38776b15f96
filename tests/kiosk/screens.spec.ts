import { expect, test } from '@playwright/test';
import { Kiosk, lesson } from './kiosk-page';

/**
 * Screenshots for a person to look at (test-results/kiosk-screens/<size>/), and the layout
 * facts a screenshot shows: nothing wider than the screen, the lesson buttons on screen.
 */
test('kiosk screens fit the screen at this size', async ({ page }, info) => {
	test.setTimeout(120_000);
	const k = new Kiosk(page);
	const dir = `test-results/kiosk-screens/${info.project.name}`;
	const fits = async (name: string) => {
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `${name} is wider than the screen`).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `${dir}/${name}.png` });
	};
	await k.open('/');
	await fits('home');
	await k.open('/chu-de/thanh-toan');
	await fits('topic');
	await k.open('/bai-hoc/chuyen-khoan-vietqr');
	await expect(k.next).toBeInViewport();
	await fits('practice');
	await k.tap(k.sim('bills'));
	await fits('practice-hint');
	await k.open('/bai-hoc/nhan-dien-lua-dao');
	await k.tap(k.next);
	await fits('incoming-call');
	await k.tap(k.sim('decline'));
	await k.tap(k.next);
	await expect(page.getByTestId('points')).toBeVisible();
	await fits('five-rules');
	await k.tap(k.button('Gọi tình nguyện viên'));
	await expect(page.getByRole('status')).toBeVisible();
	await fits('help');
	// Through the whole lesson, each practice step's tap as its data says.
	const tienDien = lesson('tien-dien');
	await k.open(`/bai-hoc/${tienDien.id}`);
	for (const step of tienDien.steps) {
		if (step.practice) await k.tap(k.sim(step.practice.target));
		await k.tap(k.next);
	}
	await expect(page.getByRole('heading', { name: 'Bác đã hoàn thành!' })).toBeVisible();
	await fits('done');
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: `${dir}/done-print.png`, fullPage: true });
	await expect(
		page.getByRole('heading', { name: 'Trả tiền điện bằng ứng dụng ngân hàng' })
	).toBeVisible();
	await page.emulateMedia({ media: 'screen' });
	await k.tap(page.getByRole('link', { name: 'Ghi nhận vào thẻ' }));
	await expect(page.getByRole('heading', { name: 'Ghi nhận bài học' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Quay lại bài học' })).toBeInViewport({ ratio: 1 });
	await fits('record-card');
});
