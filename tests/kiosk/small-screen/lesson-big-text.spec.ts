import { expect, test, type Page } from '@playwright/test';
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

/** The lesson title's box, the step area's visible top, and whether the two are apart. */
function headerAndStage(page: Page) {
	return page.evaluate(() => {
		const title = document.querySelector('.lesson-head h1')!.getBoundingClientRect();
		const head = document.querySelector('.lesson-head')!.getBoundingClientRect();
		const body = document.querySelector('.lesson > .body')!.getBoundingClientRect();
		return {
			titleBottom: title.bottom,
			headBottom: head.bottom,
			stageTop: body.top,
			rule: getComputedStyle(document.querySelector('.lesson-head')!).borderBottomWidth
		};
	});
}

// An answered quiz with the biggest text is taller than a 768-pixel-high kiosk and scrolls:
// "Bước 5/8", cut by the top of the scrolling area just under the title, looked like a line
// of text drawn over the title. The step scrolls under a rule, a clear gap below the title.
test('with the biggest text an answered quiz scrolls below the lesson title, never against it', async ({
	page
}) => {
	const k = new Kiosk(page);
	await k.open('/bai-hoc/nhan-dien-lua-dao?buoc=5');
	await biggestText(k);
	const quiz = page.getByRole('group', { name: 'Có phải lừa đảo không?' });
	await k.tap(quiz.getByRole('button').first());
	await expect(page.locator('.reply [role="status"]')).toBeVisible();
	await page.waitForTimeout(300);
	// The answer is brought into sight: the step has scrolled.
	expect(await page.locator('.lesson > .body').evaluate((b) => b.scrollTop)).toBeGreaterThan(0);
	const at = await headerAndStage(page);
	expect(at.headBottom).toBeLessThanOrEqual(at.stageTop);
	expect(at.stageTop - at.titleBottom).toBeGreaterThanOrEqual(6);
	expect(parseFloat(at.rule)).toBeGreaterThanOrEqual(2);
	// The answer itself is whole in sight (to a sub-pixel).
	await expect(page.locator('.reply [role="status"]')).toBeInViewport({ ratio: 0.99 });
});
