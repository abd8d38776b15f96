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
