import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Kiosk, lesson } from '../kiosk-page';

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

// An answered quiz with the biggest text was taller than a 768-pixel-high kiosk (74 px for the
// first message, 138 px for the last with its tally): the step scrolled its caption half under
// the title, and "Bước 5/8", cut there, looked like a line drawn over the title. Every answered
// message, right or wrong, now fits whole above the lesson buttons; the step still sits below a
// rule and a clear gap under the title.
test('with the biggest text every answered quiz message fits above the lesson buttons, below the title', async ({
	page
}) => {
	test.setTimeout(120_000);
	const k = new Kiosk(page);
	const quiz = lesson('nhan-dien-lua-dao').steps[4].quiz!;
	await k.open('/bai-hoc/nhan-dien-lua-dao?buoc=5');
	await biggestText(k);
	const answers = page.getByRole('group', { name: 'Có phải lừa đảo không?' });
	const verdict = page.locator('.reply .verdict');
	const stage = page.locator('.lesson > .body');
	for (const [i, item] of quiz.entries()) {
		await expect(page.getByText(`Câu ${i + 1}/${quiz.length}`, { exact: true })).toBeVisible();
		// Every other answer wrong: "Chưa đúng." and "Đúng rồi!" both show.
		const saidScam = i % 2 === 0 ? item.scam : !item.scam;
		await k.tap(answers.getByRole('button', { name: saidScam ? 'Có, lừa đảo' : 'Không phải' }));
		await expect(verdict).toContainText(item.explain);
		// After the last message, the tally too.
		if (i === quiz.length - 1) await expect(page.getByText(/^Bác trả lời đúng/)).toBeVisible();
		await page.waitForTimeout(300);
		const box = await stage.evaluate((b) => ({ scroll: b.scrollHeight, client: b.clientHeight }));
		expect(box.scroll, `message ${i + 1}`).toBeLessThanOrEqual(box.client);
		const at = await headerAndStage(page);
		expect(at.headBottom).toBeLessThanOrEqual(at.stageTop);
		expect(at.stageTop - at.titleBottom).toBeGreaterThanOrEqual(6);
		expect(parseFloat(at.rule)).toBeGreaterThanOrEqual(2);
		// Still the kiosk's smallest body text or more.
		for (const text of [verdict, page.getByTestId('instruction')]) {
			const px = await text.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
			expect(px).toBeGreaterThanOrEqual(24);
		}
		if (i < quiz.length - 1) await k.tap(k.next);
	}
	await expect(k.next).toBeInViewport({ ratio: 1 });
});

/** Every practice step's trap (a warning, "Khoan! …", when tapped), in every lesson. */
const TRAPS = readdirSync(new URL('../../../src/lib/walkthroughs/lessons/', import.meta.url))
	.filter((f) => f.endsWith('.json'))
	.map((f) => lesson(f.replace(/\.json$/, '')))
	.flatMap((l) =>
		l.steps.flatMap((s, i) =>
			Object.entries(s.practice?.wrong ?? {}).map(([key, why]) => ({
				lesson: l.id,
				step: i + 1,
				key,
				why
			}))
		)
	);

/** Where the step's "Bước N/M" words, the phone's banner and the warning lie, against the step area. */
function warningPlaces(page: Page) {
	return page.evaluate(() => {
		const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
		// The words themselves, not their line's leading.
		const words = document.createRange();
		words.selectNodeContents(document.querySelector('.stage .progress')!);
		return {
			headBottom: box('.lesson-head').bottom,
			stageBottom: box('.lesson > .body').bottom,
			progress: words.getBoundingClientRect(),
			banner: box('.visual .banner'),
			warning: box('.feedback.warn')
		};
	});
}

// A trap's warning is its why and the step's hint: five lines with the biggest text. Under a
// four-line step on a 768-pixel-high kiosk it scrolled the step away: "Bước 7/7" and the first
// line of the step under the title, and the phone's "Màn hình tập" banner out of sight, so the
// learner lost which step and which screen the warning was about.
test('with the biggest text a trap’s warning shows whole, with the step’s number and the phone’s banner', async ({
	page
}) => {
	test.setTimeout(120_000);
	expect(TRAPS.length).toBeGreaterThanOrEqual(8);
	const k = new Kiosk(page);
	for (const [n, trap] of TRAPS.entries()) {
		await k.open(`/bai-hoc/${trap.lesson}?buoc=${trap.step}`);
		if (n === 0) await biggestText(k);
		const where = `${trap.lesson} step ${trap.step}, ${trap.key}`;
		const target = k.sim(trap.key);
		await target.scrollIntoViewIfNeeded();
		await k.tap(target);
		const warning = page.locator('.feedback.warn');
		await expect(warning, where).toContainText(trap.why);
		// Brought into sight on the next frame; let that scroll happen before measuring.
		await page.waitForTimeout(300);
		const at = await warningPlaces(page);
		expect(at.warning.top, where).toBeGreaterThanOrEqual(at.headBottom);
		expect(at.warning.bottom, where).toBeLessThanOrEqual(at.stageBottom + 0.5);
		expect(at.progress.top, where).toBeGreaterThanOrEqual(at.headBottom - 0.5);
		expect(at.banner.top, where).toBeGreaterThanOrEqual(at.headBottom - 0.5);
		expect(at.banner.bottom, where).toBeLessThanOrEqual(at.stageBottom);
		// Still the biggest text: the words were given room, not made smaller.
		const px = await warning.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
		expect(px, where).toBeGreaterThanOrEqual(32);
	}
});
