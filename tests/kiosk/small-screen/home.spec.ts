import { expect, test } from '@playwright/test';
import { Kiosk } from '../kiosk-page';

// On the smallest kiosk (1366×768) the home screen has nothing below the fold: a resident
// who does not know that a page scrolls still sees every topic whole.
test('every topic tile and "Nghe hướng dẫn" are whole on a 768-pixel-high screen', async ({
	page
}) => {
	const k = new Kiosk(page);
	await k.open('/');
	await expect(page.getByRole('button', { name: 'Nghe hướng dẫn' })).toBeInViewport({ ratio: 1 });
	const tiles = page.locator('a[data-topic]');
	await expect(tiles).toHaveCount(6);
	for (const tile of await tiles.all()) await expect(tile).toBeInViewport({ ratio: 1 });
});

// With A+ the tiles no longer fit in 768 pixels. Nothing on a page says that it scrolls, and
// many residents would never try: a line over the bottom says there is more and shows it.
test('with big text the home page says there is more below, and a touch on it shows the rest', async ({
	page
}) => {
	const k = new Kiosk(page);
	await k.open('/');
	const more = page.getByRole('button', { name: /Còn nữa ở dưới/ });
	await expect(page.locator('a[data-topic]')).toHaveCount(6);
	await expect(more).toBeHidden();

	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.button('Chữ to hơn'));
	await expect(more).toBeVisible();
	const box = await more.boundingBox();
	expect(box!.height).toBeGreaterThanOrEqual(76);
	const last = page.locator('a[data-topic]').last();
	await expect(last).not.toBeInViewport({ ratio: 1 });

	// The line never hides a tile's name: it has its own strip under the page.
	const covered = () =>
		page.evaluate(() => {
			const line = document.querySelector('.more-below')?.getBoundingClientRect();
			if (!line) return [];
			// Only what the page's window shows: a name scrolled out of it is not covered.
			const view = document.querySelector('main')!.getBoundingClientRect();
			return [...document.querySelectorAll('a[data-topic] .title')]
				.filter((t) => {
					const r = t.getBoundingClientRect();
					const top = Math.max(r.top, view.top);
					const bottom = Math.min(r.bottom, view.bottom);
					return (
						bottom > top &&
						bottom > line.top &&
						top < line.bottom &&
						r.right > line.left &&
						r.left < line.right
					);
				})
				.map((t) => t.textContent);
		});
	expect(await covered()).toEqual([]);

	// A touch shows the next screenful; at the end the line goes, with the last tile whole.
	for (let i = 0; i < 3 && (await more.isVisible()); i++) {
		await k.tap(more);
		await page.waitForTimeout(600);
		expect(await covered()).toEqual([]);
	}
	await expect(more).toBeHidden();
	await expect(last).toBeInViewport({ ratio: 1 });
});
