import { expect, test, type Page } from '@playwright/test';
import { Kiosk, lesson } from './kiosk-page';

/**
 * A reload (a volunteer's F5, the tab reloaded after a crash) is not the resident leaving: they
 * find their lesson where it was, and the heads' counts see neither a "leave" nor a new "start".
 */

const scam = lesson('nhan-dien-lua-dao');
const n = scam.steps.length;
const quizAt = scam.steps.findIndex((s) => s.quiz);
const items = scam.steps[quizAt].quiz!;
const practiceAt = scam.steps.findIndex((s) => s.practice);

/** Every lesson event the page sends, as the server receives it. */
function events(page: Page): Array<{ kind: string; step: number | null; walkthroughId: string }> {
	const seen: Array<{ kind: string; step: number | null; walkthroughId: string }> = [];
	page.on('request', (r) => {
		if (r.url().endsWith('/api/kiosk/events')) seen.push(JSON.parse(r.postData()!));
	});
	return seen;
}

/** Waits until the page has sent what it sends on opening (and a reload's beacons, if any). */
async function settled(k: Kiosk): Promise<void> {
	await k.page.waitForLoadState('networkidle');
}

async function reload(k: Kiosk): Promise<void> {
	await k.page.reload();
	await k.page.locator('html[data-hydrated]').waitFor();
}

test(
	'a reload in the middle of the quiz keeps the message, every answer, and says it again; no leave, no second start',
	{ tag: '@size-blind' },
	async ({ page }) => {
		test.setTimeout(120_000);
		const k = new Kiosk(page);
		const sent = events(page);
		await k.openAtStep(scam, quizAt);
		// The first answered wrongly, the second rightly; the second's explanation is showing.
		await k.tap(k.button(items[0].scam ? 'Không phải' : 'Có, lừa đảo'));
		await k.tap(k.next);
		await k.tap(k.button(items[1].scam ? 'Có, lừa đảo' : 'Không phải'));
		const second = page.getByRole('status').filter({ hasText: items[1].explain });
		await expect(second).toContainText('Đúng rồi!');

		await reload(k);
		await k.progress(quizAt + 1, n);
		await expect(page.getByText(`Câu 2/${items.length}`)).toBeVisible();
		await expect(second).toContainText('Đúng rồi!');
		// Said again, as on arriving at this message (the narrator's log starts anew per page).
		await k.expectSaid(`Đúng rồi! ${items[1].explain}`);
		await k.tap(k.back);
		await expect(page.getByText(`Câu 1/${items.length}`)).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: items[0].explain })).toContainText(
			'Chưa đúng.'
		);
		await k.tap(k.next);
		await k.tap(k.next);
		// The next message is open to answer, and the tally counts the answers from before.
		await expect(page.getByText(`Câu 3/${items.length}`)).toBeVisible();
		await expect(page.getByRole('group', { name: 'Có phải lừa đảo không?' })).toBeVisible();
		for (const item of items.slice(2)) {
			await k.tap(k.button(item.scam ? 'Có, lừa đảo' : 'Không phải'));
			if (item !== items.at(-1)) await k.tap(k.next);
		}
		await expect(
			page.getByText(`Bác trả lời đúng ${items.length - 1}/${items.length} câu.`)
		).toBeVisible();

		await settled(k);
		expect(sent.map((e) => e.kind)).toEqual(['start']);
	}
);

test(
	'a reload before answering asks the same message again; a practice step done stays done',
	{ tag: '@size-blind' },
	async ({ page }) => {
		test.setTimeout(120_000);
		const k = new Kiosk(page);
		const sent = events(page);
		await k.openAtStep(scam, practiceAt);
		await k.tap(k.sim(scam.steps[practiceAt].practice!.target));
		await expect(page.getByText('Đúng rồi! Bác bấm Tiếp tục nhé.')).toBeVisible();

		await reload(k);
		await k.progress(practiceAt + 1, n);
		await expect(page.getByText('Đúng rồi! Bác bấm Tiếp tục nhé.')).toBeVisible();
		// The step's own guidance, as on arriving at it.
		await expect.poll(() => k.narrations()).toHaveLength(1);
		await k.tap(k.next);
		await k.progress(practiceAt + 2, n);

		for (let i = practiceAt + 1; i < quizAt; i++) {
			const p = scam.steps[i].practice;
			if (p) await k.tap(k.sim(p.target));
			await k.tap(k.next);
		}
		await expect(page.getByText(`Câu 1/${items.length}`)).toBeVisible();
		await reload(k);
		await unansweredQuiz(page);
		await expect.poll(() => k.narrations()).toEqual([expect.stringContaining('Có phải lừa đảo')]);

		// Leaving after the reloads is one "leave", at the step the resident was on.
		const left = page.waitForRequest(
			(r) => r.url().endsWith('/api/kiosk/events') && r.postData()?.includes('"leave"') === true
		);
		await k.tap(page.getByRole('link', { name: 'Về trang chủ' }));
		await left;
		await settled(k);
		expect(sent).toEqual([
			{ walkthroughId: scam.id, kind: 'start', step: null },
			{ walkthroughId: scam.id, kind: 'leave', step: quizAt + 1 }
		]);
	}
);

test(
	'a lesson left by a full page load is counted left once, as the next page opens',
	{ tag: '@size-blind' },
	async ({ page }) => {
		const k = new Kiosk(page);
		const sent = events(page);
		await k.open('/bai-hoc/tien-dien');
		await k.tap(k.next);
		await k.progress(2, lesson('tien-dien').steps.length);
		await k.open('/');
		await settled(k);
		expect(sent).toEqual([
			{ walkthroughId: 'tien-dien', kind: 'start', step: null },
			{ walkthroughId: 'tien-dien', kind: 'leave', step: 2 }
		]);
		await reload(k);
		await settled(k);
		expect(sent).toHaveLength(2);
	}
);

test(
	'the next visitor never finds the last one’s answers: not after the idle reset, not after going home',
	{ tag: '@size-blind' },
	async ({ page }) => {
		test.setTimeout(120_000);
		await page.clock.install();
		const k = new Kiosk(page);
		const quizAddress = `/bai-hoc/${scam.id}?buoc=${quizAt + 1}`;

		await k.open(quizAddress);
		await k.tap(k.button('Có, lừa đảo'));
		await expect(page.getByRole('status').filter({ hasText: items[0].explain })).toBeVisible();
		// Left alone: the idle guard ends the visit.
		await page.clock.runFor(301_000);
		await expect(page.getByRole('alertdialog')).toBeVisible();
		await page.clock.runFor(61_000);
		await expect(page.getByRole('heading', { name: 'Bác muốn học gì hôm nay?' })).toBeVisible();
		await k.open(quizAddress);
		await unansweredQuiz(page);

		// "Về trang chủ" is leaving the lesson too: its tile, or its address, starts afresh.
		await k.tap(k.button('Có, lừa đảo'));
		await k.tap(page.getByRole('link', { name: 'Về trang chủ' }));
		await expect(page.getByRole('heading', { name: 'Bác muốn học gì hôm nay?' })).toBeVisible();
		await k.open(quizAddress);
		await unansweredQuiz(page);
	}
);

test(
	'a kept place that does not fit (edited, older, beyond the lesson) is ignored: the lesson opens as its address says',
	{ tag: '@size-blind' },
	async ({ page }) => {
		const k = new Kiosk(page);
		await k.open(`/bai-hoc/${scam.id}?buoc=${quizAt + 1}`);
		await unansweredQuiz(page);
		const kept = [
			'{"v":2,"id":',
			JSON.stringify({ v: 2, id: scam.id, index: n + 5, work: [], at: Date.now() }),
			JSON.stringify({
				v: 2,
				at: Date.now(),
				id: scam.id,
				index: quizAt,
				work: scam.steps.map((_, i) =>
					i === quizAt ? { solved: false, quizIndex: 7, quizAnswers: [true] } : null
				)
			}),
			JSON.stringify({ id: scam.id, step: 3, answers: [true, true] })
		];
		for (const raw of kept) {
			await page.evaluate((raw) => sessionStorage.setItem('tram-hoc-so:lesson', raw), raw);
			await reload(k);
			await k.progress(quizAt + 1, n);
			await unansweredQuiz(page);
		}
	}
);

test(
	'a place kept longer ago than any visit lasts is the last person’s: a reload then shows no answers',
	{ tag: '@size-blind' },
	async ({ page }) => {
		const k = new Kiosk(page);
		await k.openAtStep(scam, quizAt);
		await k.tap(k.button(items[0].scam ? 'Có, lừa đảo' : 'Không phải'));
		await expect(page.getByRole('status').filter({ hasText: items[0].explain })).toBeVisible();
		// The tab crashed and was reloaded 25 minutes later (a visit with a call on its way lasts
		// at most 20 untouched minutes and the countdown): its idle reset never ran.
		await page.evaluate(() => {
			const kept = JSON.parse(sessionStorage.getItem('tram-hoc-so:lesson')!);
			sessionStorage.setItem(
				'tram-hoc-so:lesson',
				JSON.stringify({ ...kept, at: kept.at - 25 * 60_000 })
			);
		});
		await reload(k);
		await k.progress(quizAt + 1, n);
		await unansweredQuiz(page);
	}
);

async function unansweredQuiz(page: Page): Promise<void> {
	await expect(page.getByText(`Câu 1/${items.length}`)).toBeVisible();
	await expect(page.getByRole('group', { name: 'Có phải lừa đảo không?' })).toBeVisible();
}
