import { expect, test, type Page } from '@playwright/test';
import { apiClientSignedIn } from '../support/sign-in';
import { Kiosk } from './kiosk-page';

/**
 * A reload (a volunteer's F5, the tab reloaded after a crash) brings the resident back to a
 * lesson they can still read: the text size, "Nói chậm" and a call on its way are kept for
 * the tab, like the lesson's place (resume.spec). Only the idle reset forgets them.
 */

const fontSize = (page: Page) => page.evaluate(() => document.documentElement.style.fontSize);

/** What the narrator was asked to say on this page, and whether slowly. */
const spoken = (page: Page) =>
	page.evaluate(() => (window.__narrator?.spoken ?? []).map((r) => [r.text, r.slow ?? false]));

async function reload(k: Kiosk): Promise<void> {
	await k.page.reload();
	await k.page.locator('html[data-hydrated]').waitFor();
}

/** The biggest text, "Nói chậm", and a call for a volunteer; the call's id and the step said. */
async function settle(k: Kiosk): Promise<{ id: number; said: string }> {
	await k.open('/bai-hoc/vssid');
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.button('Chữ to hơn'));
	await expect.poll(() => fontSize(k.page)).toBe('32px');
	await k.tap(k.button('Nói chậm'));
	await expect(k.button('Nói chậm')).toHaveAttribute('aria-pressed', 'true');
	// "Nói chậm" says the step again, slowly.
	await expect.poll(async () => (await spoken(k.page)).at(-1)?.[1]).toBe(true);
	const said = (await spoken(k.page)).at(-1)![0] as string;
	const sent = k.page.waitForResponse((r) => r.url().endsWith('/api/kiosk/help'));
	await k.tap(k.button('Gọi tình nguyện viên'));
	const { id } = (await (await sent).json()) as { id: number };
	return { id, said };
}

/** The notice of a call on its way. */
const notice = (page: Page) => page.getByRole('status').filter({ hasText: 'Đã gọi lúc' });

test('a reload keeps the big text, slow speech and the call on its way, still asked after @size-blind', async ({
	page
}) => {
	await page.clock.install();
	const k = new Kiosk(page);
	const { id, said } = await settle(k);
	const calledAt = (await notice(page).textContent())!.match(/Đã gọi lúc ([\d:]+)/)![1];

	await reload(k);
	await expect.poll(() => fontSize(page)).toBe('32px');
	await expect(k.button('Chữ to hơn')).toHaveAttribute('aria-disabled', 'true');
	await expect(k.button('Nói chậm')).toHaveAttribute('aria-pressed', 'true');
	// The step is said again as the page comes back, and slowly.
	await expect.poll(() => spoken(page)).toEqual([[said, true]]);
	// Still on its way, or taken by now: kiosk tests in the other worker share this kiosk, and
	// help.spec answers the calls it finds open.
	await expect(notice(page)).toContainText(`Đã gọi lúc ${calledAt}.`);
	await expect(notice(page)).toContainText(
		/Tình nguyện viên (sẽ đến giúp bác ngay|đã nhận lời lúc)/
	);

	// A volunteer takes it now (or took it already): the reloaded page still asks, and says so.
	const phone = await apiClientSignedIn(test.info().project.use.baseURL!, 'tinhnguyen4', '246810');
	await phone.post('/tinh-nguyen?/answer', { form: { id: String(id) } });
	await phone.dispose();
	await page.clock.runFor(11_000);
	await expect(notice(page)).toContainText('Tình nguyện viên đã nhận lời lúc');
	await expect(notice(page)).toContainText(`Đã gọi lúc ${calledAt}.`);
});

test('"Về trang chủ" and a reload keep them all; the idle reset forgets them, for a reload too @size-blind', async ({
	page
}) => {
	await page.clock.install();
	const k = new Kiosk(page);
	await settle(k);
	await expect(notice(page)).toBeVisible();

	await k.tap(page.getByRole('link', { name: 'Về trang chủ' }));
	await expect(page.getByRole('heading', { name: 'Bác muốn học gì hôm nay?' })).toBeVisible();
	await reload(k);
	await expect.poll(() => fontSize(page)).toBe('32px');
	await expect(notice(page)).toBeVisible();

	// Left alone: a call on its way gives 20 minutes' grace, then a minute's countdown.
	await page.clock.runFor(1_201_000);
	await expect(page.getByRole('alertdialog', { name: 'Bác còn ở đây không?' })).toBeVisible();
	await page.clock.runFor(61_000);
	await expect(page.getByRole('alertdialog')).toHaveCount(0);
	await expect.poll(() => fontSize(page)).toBe('24px');
	await expect(notice(page)).toHaveCount(0);

	// The next person reloading the page finds nothing of the last one.
	await reload(k);
	await expect(page.getByRole('heading', { name: 'Bác muốn học gì hôm nay?' })).toBeVisible();
	expect(await fontSize(page)).toBe('24px');
	await k.open('/bai-hoc/vssid');
	await expect(k.button('Nói chậm')).toHaveAttribute('aria-pressed', 'false');
	await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(0);
	expect((await spoken(page)).every(([, slow]) => slow === false)).toBe(true);
	expect(await fontSize(page)).toBe('24px');
	await expect(page.getByRole('status').filter({ hasText: 'tình nguyện viên' })).toHaveCount(0);
});

test('a tab reloaded long after its last touch (left crashed) does not bring back the last person @size-blind', async ({
	page
}) => {
	await page.clock.install();
	const k = new Kiosk(page);
	await settle(k);
	await expect(notice(page)).toBeVisible();
	// A crashed page runs no timer, so no idle reset: half an hour on, a volunteer reloads it.
	const now = await page.evaluate(() => Date.now());
	await page.clock.setSystemTime(now + 30 * 60_000);
	await reload(k);
	await k.progress(1, 6);
	await expect(k.button('Nói chậm')).toHaveAttribute('aria-pressed', 'false');
	expect(await fontSize(page)).toBe('24px');
	await expect(notice(page)).toHaveCount(0);
});

test('a reload is drawn at the kept text size before the page comes alive, and at the normal one once it is put back @size-blind', async ({
	page
}) => {
	const k = new Kiosk(page);
	await k.open('/bai-hoc/vssid');
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.button('Chữ to hơn'));
	await expect.poll(() => fontSize(page)).toBe('32px');
	/** The root's size as the server drew it: the page's scripts held back until it is read. */
	const drawn = async () => {
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		// Its scripts only: the fonts come, so the page is drawn as it will look.
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.reload({ waitUntil: 'commit' });
		await page.locator('.kiosk').waitFor({ state: 'attached' });
		const size = await page.evaluate(() => [
			getComputedStyle(document.documentElement).fontSize,
			document.documentElement.hasAttribute('data-hydrated'),
			// A− and A+ as drawn: which of them can go no further.
			[...document.querySelectorAll('.sizes button')].map((b) => b.getAttribute('aria-disabled'))
		]);
		release();
		await page.locator('html[data-hydrated]').waitFor();
		await page.unroute('**/_app/immutable/**/*.js');
		return size;
	};
	expect(await drawn()).toEqual(['32px', false, ['false', 'true']]);
	expect(await fontSize(page)).toBe('32px');
	await k.tap(k.button('Chữ nhỏ hơn'));
	await k.tap(k.button('Chữ nhỏ hơn'));
	await expect.poll(() => fontSize(page)).toBe('24px');
	expect(await drawn()).toEqual(['24px', false, ['true', 'false']]);
});
