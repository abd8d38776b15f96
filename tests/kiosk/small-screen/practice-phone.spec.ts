import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readsFirst } from '../../../src/lib/components/kiosk/scroll-to-row';
import { Kiosk, lesson } from '../kiosk-page';

const LESSONS = readdirSync(new URL('../../../src/lib/walkthroughs/lessons/', import.meta.url))
	.filter((f) => f.endsWith('.json'))
	.map((f) => lesson(f.replace(/\.json$/, '')));

/**
 * How far the element lies outside what the phone's screen shows, not counting what a "more"
 * line covers at its edges (0 when all of it shows).
 */
const outOfSight = (page: Page, target: string) =>
	page.evaluate((t) => {
		const screen = document.querySelector('.screen')!.getBoundingClientRect();
		const above = document.querySelector('.more.above')?.getBoundingClientRect().bottom;
		const below = document.querySelector('.more.below')?.getBoundingClientRect().top;
		const top = above ?? screen.top;
		const bottom = below ?? screen.bottom;
		const el = document.querySelector(`.screen [data-target="${t}"]`)!.getBoundingClientRect();
		// Less than a pixel is rounding, not hidden.
		const out = Math.max(0, top - el.top, el.bottom - bottom);
		return out < 1 ? 0 : out;
	}, target);

/**
 * The rows that the "▲ Còn nữa ở trên" line's lower edge cuts across (more than a pixel of them
 * both under it and in sight): a row half hidden there puzzled older learners.
 */
const cutByTopLine = (page: Page) =>
	page.evaluate(() => {
		const edge = document.querySelector('.more.above')?.getBoundingClientRect().bottom;
		if (edge === undefined) return [];
		return [...document.querySelectorAll('.screen > *')]
			.filter((row) => {
				const r = row.getBoundingClientRect();
				return r.top < edge - 1 && r.bottom > edge + 1;
			})
			.map((row) => row.textContent!.trim());
	});

test('on every practice step the place to tap is in sight inside the phone, or found by the swipe the step asks for', async ({
	page
}) => {
	test.setTimeout(240_000);
	const k = new Kiosk(page);
	const caption = page.locator('.practice-tag');
	const TO_TAP = 'Bác thử bấm vào màn hình tập.';
	const TO_FIND = 'Bác vuốt màn hình tập lên để tìm chỗ cần bấm, rồi bấm vào đó.';
	for (const l of LESSONS) {
		await k.open(`/bai-hoc/${l.id}`);
		for (const [i, step] of l.steps.entries()) {
			if (step.quiz) break;
			if (step.practice?.swipe) {
				// Found by swiping: out of sight until the resident swipes up to it.
				expect(
					await outOfSight(page, step.practice.target),
					`${l.id} step ${i + 1}`
				).toBeGreaterThan(0);
				await k.swipeUp(page.locator('.screen'), 4);
			}
			const reading =
				step.practice &&
				!step.practice.swipe &&
				readsFirst(step.screen!.elements, step.practice.target);
			if (reading) {
				// What to read above the button shows from the screen's top; a button below it
				// is under the "▼ Còn nữa" line, and a swipe brings it up.
				await k.progress(i + 1, l.steps.length);
				await expect
					.poll(() => page.locator('.screen').evaluate((s) => s.scrollTop), `${l.id} step ${i + 1}`)
					.toBe(0);
				if ((await outOfSight(page, step.practice!.target)) > 0) {
					await expect(page.getByText('▼ Còn nữa ở dưới, vuốt lên để xem')).toBeVisible();
					// The caption says to swipe for it ("bấm" alone sent a learner looking).
					await expect(caption, `${l.id} step ${i + 1}`).toHaveText(TO_FIND);
					await k.swipeUp(page.locator('.screen'), 2);
				}
			}
			if (step.practice) {
				await expect
					.poll(() => outOfSight(page, step.practice!.target), `${l.id} step ${i + 1}`)
					.toBe(0);
				// Scrolled there by the kiosk (not by a swipe): the first row in sight is whole.
				if (!step.practice.swipe && !reading) {
					expect(await cutByTopLine(page), `${l.id} step ${i + 1}`).toEqual([]);
				}
				// In sight: the caption asks for a tap.
				if (!step.practice.swipe) {
					await expect(caption, `${l.id} step ${i + 1}`).toHaveText(TO_TAP);
				}
				await k.tap(k.sim(step.practice.target));
			}
			await k.tap(k.next);
		}
	}
});

// VssID's login at 1366×768 with A+ once, tapped during the step: the screen got shorter, the
// button to tap came back into sight, and the "Mật khẩu" field sat half under the "▲" line.
test('A+ during a step brings the place to tap back into sight, the row above it whole', async ({
	page
}) => {
	const k = new Kiosk(page);
	const vssid = lesson('vssid');
	await k.openAtStep(
		vssid,
		vssid.steps.findIndex((s) => s.practice?.target === 'vneid')
	);
	const screen = page.locator('.screen');
	const height = await screen.evaluate((el) => el.clientHeight);
	await k.tap(k.button('Chữ to hơn'));
	await expect.poll(() => screen.evaluate((el) => el.clientHeight)).toBeLessThan(height);
	await expect.poll(() => outOfSight(page, 'vneid')).toBe(0);
	await expect(page.getByText('▲ Còn nữa ở trên, vuốt xuống để xem')).toBeVisible();
	expect(await cutByTopLine(page)).toEqual([]);
});

test('with the biggest text the phone’s rows keep their words inside, and the screen says it scrolls', async ({
	page
}) => {
	const k = new Kiosk(page);
	await k.open('/bai-hoc/dvc-khai-sinh');
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.button('Chữ to hơn'));
	const l = lesson('dvc-khai-sinh');
	for (const [i, step] of l.steps.entries()) {
		if (step.screen) {
			// No row is shorter than its own words (squeezed rows let their text spill out).
			const spilled = await page.evaluate(
				() =>
					[...document.querySelectorAll('.screen > *')].filter(
						(row) => row.scrollHeight > row.clientHeight + 1
					).length
			);
			expect(spilled, `step ${i + 1}`).toBe(0);
			// Rows hidden above or below the phone's screen are said (not its empty padding).
			const hidden = await page.evaluate(() => {
				const s = document.querySelector('.screen')!.getBoundingClientRect();
				const rows = [...document.querySelectorAll('.screen > *')].map((r) =>
					r.getBoundingClientRect()
				);
				return {
					above: rows.some((r) => r.top < s.top - 1),
					below: rows.some((r) => r.bottom > s.bottom + 1)
				};
			});
			await expect(page.getByText('▲ Còn nữa ở trên, vuốt xuống để xem')).toHaveCount(
				hidden.above ? 1 : 0
			);
			await expect(page.getByText('▼ Còn nữa ở dưới, vuốt lên để xem')).toHaveCount(
				hidden.below ? 1 : 0
			);
			expect(await cutByTopLine(page), `step ${i + 1}`).toEqual([]);
		}
		if (step.practice) await k.tap(k.sim(step.practice.target));
		await k.tap(k.next);
	}
});

test('with the biggest text a warning after a wrong tap is on screen, not below its edge', async ({
	page
}) => {
	const k = new Kiosk(page);
	const shop = lesson('mua-sam-an-toan');
	const at = shop.steps.findIndex((s) => s.practice?.wrong?.private);
	await k.openAtStep(shop, at);
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.sim('private'));
	const warning = page.getByRole('status');
	await expect(warning).toContainText('Khoan!');
	// All of it (0.99: the box's edge may fall on a fraction of a pixel).
	await expect(warning).toBeInViewport({ ratio: 0.99 });
	// The instruction's first line stays reachable above it (not cut off by centring).
	await page.getByTestId('instruction').scrollIntoViewIfNeeded();
	await expect(page.getByTestId('instruction')).toBeInViewport();
});

// The scam call on a 768-pixel-high kiosk: who calls, the number and both buttons, all at once.
// Before, the red button was scrolled into sight and the number went under the "more" line.
test('the scam call shows the caller, the number and both buttons at once', async ({ page }) => {
	const k = new Kiosk(page);
	const scam = lesson('nhan-dien-lua-dao');
	await k.openAtStep(
		scam,
		scam.steps.findIndex((s) => s.practice?.target === 'decline')
	);
	const screen = page.locator('.screen');
	for (const text of ['Số lạ', '0300 000 113', 'Xưng là: Công an phường']) {
		await expect(screen.getByText(text, { exact: true })).toBeInViewport({ ratio: 1 });
	}
	await expect(k.sim('decline')).toBeInViewport({ ratio: 1 });
	await expect(screen.getByRole('button', { name: 'Nghe' })).toBeInViewport({ ratio: 1 });
	await expect(page.locator('.more')).toHaveCount(0);
});

// Grown with A+, the phone's text left a strip of ~150 px of screen between its header and
// its "more" lines; there the phone keeps the first text size and the lesson's words grow.
test('with the biggest text the practice phone still has room to show its screen', async ({
	page
}) => {
	const k = new Kiosk(page);
	const scam = lesson('nhan-dien-lua-dao');
	await k.openAtStep(
		scam,
		scam.steps.findIndex((s) => s.practice?.target === 'decline')
	);
	const words = page.getByTestId('instruction');
	const before = await words.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.button('Chữ to hơn'));
	await expect
		.poll(() => words.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)))
		.toBeGreaterThan(before * 1.25);
	const shown = await page.locator('.screen').evaluate((el) => el.clientHeight);
	expect(shown).toBeGreaterThanOrEqual(200);
	await expect(k.sim('decline')).toBeInViewport({ ratio: 1 });
});

// With A+ twice on a 1366×768 kiosk the step ran under the lesson buttons, and the right tap
// scrolled the page: "Bước 3/7" and the step's first line went under the lesson's title and the
// phone's "Màn hình tập" banner out of sight. Now the step and its answer fit, uncovered.
test('with the biggest text a step, its answer and the phone’s banner all show, none under a bar', async ({
	page
}) => {
	const k = new Kiosk(page);
	const qr = lesson('chuyen-khoan-vietqr');
	const at = qr.steps.findIndex((s) => s.practice?.target === 'name');
	await k.openAtStep(qr, at);
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.button('Chữ to hơn'));
	// On screen and on top near its top and bottom edges: what is there is this, not a bar over
	// it (a quarter in from the sides, clear of the phone's rounded corners).
	const uncovered = (selector: string) =>
		page.locator(selector).evaluate((el) => {
			const b = el.getBoundingClientRect();
			const points = [
				[b.left + b.width / 4, b.top + 3],
				[b.right - b.width / 4, b.bottom - 3]
			];
			return points.every(([x, y]) => {
				const hit = document.elementFromPoint(x, y);
				return hit !== null && (hit === el || el.contains(hit));
			});
		});
	const shown = ['.progress', '[data-testid="instruction"]', '.practice-tag', '.banner'];
	for (const s of shown) expect(await uncovered(s), `${s} before the tap`).toBe(true);
	await k.tap(k.sim('name'));
	await expect(page.getByRole('status')).toContainText('Đúng rồi');
	// The note takes the "try it" line's place (see the test below).
	await expect(page.locator('.practice-tag')).toBeHidden();
	for (const s of [...shown.filter((s) => s !== '.practice-tag'), '.feedback']) {
		await expect.poll(() => uncovered(s), `${s} after the tap`).toBe(true);
	}
});

// "Bây giờ bật Wi-Fi … bác bấm dòng “Wi-Fi”." with A+ twice at 1366×768 ended a line with
// "“Wi-" and began the next with "Fi”.": two words to an older learner.
test('with the biggest text a hyphenated word in a step’s words stays on one line', async ({
	page
}) => {
	const k = new Kiosk(page);
	const wifi = lesson('co-chu-wifi');
	await k.openAtStep(
		wifi,
		wifi.steps.findIndex((s) => s.practice?.target === 'wifi')
	);
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.button('Chữ to hơn'));
	const words = page.getByTestId('instruction');
	await expect
		.poll(() => words.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)))
		.toBeGreaterThan(40);
	// How many lines each "Wi-Fi" in the words takes.
	const lines = await words.evaluate((el) => {
		const text = el.textContent!;
		const found: number[] = [];
		for (const m of text.matchAll(/Wi-Fi/g)) {
			// The text may be split across elements: find the offset's node and place.
			const at = (offset: number): [Node, number] => {
				const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
				for (let n = walk.nextNode(); n; n = walk.nextNode()) {
					const length = (n as Text).length;
					if (offset <= length) return [n, offset];
					offset -= length;
				}
				throw new Error('past the end');
			};
			const range = document.createRange();
			range.setStart(...at(m.index));
			range.setEnd(...at(m.index + m[0].length));
			found.push(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size);
		}
		return found;
	});
	expect(lines).toEqual([1, 1]);
});

// The electricity bill with the biggest text, reached as a learner does: the screen opened
// scrolled to "Thanh toán" at its bottom, the customer's name, address and the bill's period
// out of sight above while the voice said to check them. It opens at its top now; the "▼" line
// says there is more, a swipe (not a miss) brings the button up.
test('with the biggest text the electricity bill opens at its top, the button a swipe below', async ({
	page
}) => {
	const k = new Kiosk(page);
	const bill = lesson('tien-dien');
	const at = bill.steps.findIndex((s) => s.practice?.target === 'pay');
	await k.open(`/bai-hoc/${bill.id}`);
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.button('Chữ to hơn'));
	for (let i = 0; i < at; i++) {
		const p = bill.steps[i].practice;
		if (p) await k.tap(k.sim(p.target));
		await k.tap(k.next);
	}
	await k.progress(at + 1, bill.steps.length);
	const screen = page.locator('.screen');
	await page.waitForTimeout(300);
	expect(await screen.evaluate((s) => s.scrollTop)).toBe(0);
	await expect(screen.getByText('Khách hàng: NGUYEN VAN AN')).toBeInViewport({ ratio: 1 });
	await expect(page.getByText('▼ Còn nữa ở dưới, vuốt lên để xem')).toBeVisible();
	await expect(page.getByText('▲ Còn nữa ở trên, vuốt xuống để xem')).toHaveCount(0);

	await k.swipeUp(screen, 2);
	await expect.poll(() => outOfSight(page, 'pay')).toBe(0);
	// The swipe was not taken for a tap beside the button.
	await expect(page.getByRole('status')).toHaveCount(0);
	await k.tap(k.sim('pay'));
	await expect(page.getByRole('status')).toContainText('Đúng rồi');
});

// The last "Chạm và vuốt" step with the biggest text: the right tap's note ran 43 px under the
// lesson buttons and the step scrolled "Bước 6/6" and the phone's banner under the title. The
// note takes the "try it" line's place; the step stays whole.
test('with the biggest text the right tap’s note fits without the step scrolling', async ({
	page
}) => {
	const k = new Kiosk(page);
	const touch = lesson('cham-vuot');
	const at = touch.steps.findIndex((s) => s.practice?.target === 'home');
	await k.open(`/bai-hoc/${touch.id}?buoc=${at + 1}`);
	await k.tap(k.button('Chữ to hơn'));
	await k.tap(k.button('Chữ to hơn'));
	await expect(page.locator('.practice-tag')).toBeVisible();
	await k.tap(k.sim('home'));
	await expect(page.getByRole('status')).toContainText('Đúng rồi');
	await expect(page.locator('.practice-tag')).toBeHidden();
	await page.waitForTimeout(300);
	const stage = await page
		.locator('.lesson > .body')
		.evaluate((b) => ({ scroll: b.scrollHeight, client: b.clientHeight, top: b.scrollTop }));
	expect(stage.scroll).toBeLessThanOrEqual(stage.client);
	expect(stage.top).toBe(0);
	await expect(page.getByText(`Bước ${at + 1}/${touch.steps.length}`)).toBeInViewport({
		ratio: 1
	});
	await expect(page.locator('.phone .banner')).toBeInViewport({ ratio: 1 });
});
