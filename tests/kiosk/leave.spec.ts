import { expect, test } from '@playwright/test';
import { Kiosk } from './kiosk-page';

test('leaving a lesson half-way records the step, anonymously; the same resident keeps their text size', async ({
	page
}) => {
	const k = new Kiosk(page);
	await k.open('/bai-hoc/mua-sam-an-toan');
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.next);
	await k.progress(2, 8);
	const left = page.waitForRequest(
		(r) => r.url().endsWith('/api/kiosk/events') && r.postData()?.includes('"leave"') === true
	);
	await k.tap(page.getByRole('link', { name: 'Về trang chủ' }));
	expect(JSON.parse((await left).postData()!)).toEqual({
		walkthroughId: 'mua-sam-an-toan',
		kind: 'leave',
		step: 2
	});
	await expect(page.getByRole('heading', { name: 'Bác muốn học gì hôm nay?' })).toBeVisible();
	// "Về trang chủ" is the same person going home: only the idle reset clears their settings.
	expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('28px');
});
