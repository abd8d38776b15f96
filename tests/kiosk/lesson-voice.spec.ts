import { expect, test } from '@playwright/test';
import { clipFor } from '../../src/lib/voice/clips.js';
import { Kiosk, lesson } from './kiosk-page';

// A name a lesson makes up is said as the lesson's sayAs says: the practice Wi-Fi "NhaBacAn"
// is "Nhà Bác An", a word the voice's general table does not hold.
test('a lesson’s hint is spoken with the lesson’s own names in Vietnamese @size-blind', async ({
	page
}) => {
	// No system voice: the pre-made clips speak, as on a kiosk without a Vietnamese voice.
	await page.addInitScript(() => {
		Object.defineProperty(window, 'speechSynthesis', { value: undefined });
	});
	const clips: string[] = [];
	page.on('request', (r) => {
		const path = new URL(r.url()).pathname;
		if (path.startsWith('/voice/gen/')) clips.push(path);
	});
	const wifi = lesson('co-chu-wifi');
	const index = wifi.steps.findIndex((s) => s.practice?.target === 'home-wifi');
	const hint = wifi.steps[index].practice!.hint;
	const clip = clipFor(hint, wifi.sayAs);
	expect(clip.spoken).toBe('Bác chọn dòng Nhà Bác An, oai phai nhà mình nhé.');

	const k = new Kiosk(page);
	await k.openAtStep(wifi, index);
	await k.tap(k.sim('free'));
	await k.expectSaid(`${wifi.steps[index].practice!.wrong!.free} ${hint}`);
	// The hint is the second sentence: its clip is fetched when the warning's clip has played.
	await expect.poll(() => clips, { timeout: 20_000 }).toContain(clip.url);
	// The clip exists: it is what `npm run voice:build` made.
	expect((await page.request.get(clip.url)).status()).toBe(200);
});
