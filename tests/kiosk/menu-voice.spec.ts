import { expect, test } from '@playwright/test';
import { Kiosk } from './kiosk-page';

// Not everyone who comes to the kiosk reads easily: the home and topic pages say what is on
// them when they open, and again on "Nghe hướng dẫn".
test('the home page and a topic page say their topics and lessons aloud', async ({ page }) => {
	const k = new Kiosk(page);
	await k.open('/');
	const topics = await page.locator('a[data-topic] .title').allTextContents();
	expect(topics).toHaveLength(6);
	const welcome = `Chào bác! Bác chọn một chủ đề muốn học nhé. Có 6 chủ đề: ${topics.join(', ')}.`;
	await k.expectSaid(welcome);

	await k.tap(page.getByRole('link', { name: /Dịch vụ công trực tuyến/ }));
	await expect(page.getByRole('heading', { name: 'Dịch vụ công trực tuyến' })).toBeVisible();
	const lessons = await page.locator('a[data-lesson] .title').allTextContents();
	expect(lessons.length).toBeGreaterThan(1);
	const blurb = await page.locator('header p').textContent();
	const topicSaid = `Dịch vụ công trực tuyến. ${blurb} Có ${lessons.length} bài: ${lessons.join('; ')}. Bác chạm vào bài muốn học nhé.`;
	await k.expectSaid(topicSaid);

	// Once more on a tap, the same words.
	const before = (await k.narrations()).length;
	await k.tap(k.button('Nghe hướng dẫn'));
	await expect.poll(async () => (await k.narrations()).slice(before)).toEqual([topicSaid]);
});
