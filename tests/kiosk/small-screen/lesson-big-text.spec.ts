import { expect, test } from '@playwright/test';
import { Kiosk } from '../kiosk-page';

async function biggestText(k: Kiosk): Promise<void> {
	const bigger = k.button('Chữ to hơn');
	for (let i = 0; i < 6 && (await bigger.isEnabled()); i++) await k.tap(bigger);
	await expect(bigger).toBeDisabled();
}

// The scam lesson's five rules with the biggest text on a 768-pixel-high kiosk: only the
// first two fit in the red card, and the other three were in a scroll area nothing pointed
// to. A "Còn nữa ở dưới" line in the card says so; a swipe in the card or a touch on the line
// shows them.
test('with the biggest text the five rules card says there is more below and shows rules 3 to 5', async ({
	page
}) => {
	const k = new Kiosk(page);
	await k.open('/bai-hoc/nhan-dien-lua-dao?buoc=3');
	const card = page.getByTestId('points');
	const rules = card.getByRole('listitem');
	const more = card.getByRole('button', { name: /Còn nữa ở dưới/ });
	await expect(rules).toHaveCount(5);
	// The first text size: all five whole, no line.
	await expect(more).toBeHidden();
	for (const rule of await rules.all()) await expect(rule).toBeInViewport({ ratio: 1 });

	await biggestText(k);
	await expect(more).toBeVisible();
	await expect(more).toBeInViewport({ ratio: 1 });
	expect((await more.boundingBox())!.height).toBeGreaterThanOrEqual(76);
	await expect(rules.nth(4)).not.toBeInViewport();

	// A finger drawn up inside the card scrolls the rules, not the page.
	await k.swipeUp(card.getByRole('list'));
	await expect(rules.nth(2)).toBeInViewport();

	// The line, touched until it goes, brings the last rule whole into sight.
	for (let i = 0; i < 4 && (await more.isVisible()); i++) {
		await k.tap(more);
		await page.waitForTimeout(600);
	}
	await expect(more).toBeHidden();
	await expect(rules.nth(4)).toBeInViewport({ ratio: 1 });
	await expect(k.next).toBeInViewport({ ratio: 1 });
});
