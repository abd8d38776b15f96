import { expect, test } from '@playwright/test';
import { PHRASES } from '../../../src/lib/voice/phrases.js';
import { Kiosk } from '../kiosk-page';

// A lesson's finish screen on a 768-pixel-high kiosk with the biggest text: "Học bài khác"
// was below the screen's edge, and the page said nothing of it. After "In bài này" the words
// about the paper take the place of the line above the buttons, so all of it stays in view.
test('with the biggest text the finish screen shows all three buttons, and where the paper is after printing', async ({
	page
}) => {
	const k = new Kiosk(page);
	await k.open('/bai-hoc/chuyen-khoan-vietqr?buoc=xong');
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.button('Chữ to hơn'));
	const buttons = [
		page.getByRole('button', { name: 'In bài này' }),
		page.getByRole('link', { name: 'Ghi nhận vào thẻ' }),
		page.getByRole('link', { name: 'Học bài khác' })
	];
	for (const b of buttons) await expect(b).toBeInViewport({ ratio: 1 });

	await page.evaluate(() => {
		window.print = () => {};
	});
	await k.tap(buttons[0]);
	const status = page.getByRole('status').filter({ hasText: PHRASES.printed });
	await expect(status).toBeInViewport({ ratio: 1 });
	for (const b of buttons) await expect(b).toBeInViewport({ ratio: 1 });
});
