import { describe, expect, it } from 'vitest';
import { walkthrough } from '$lib/walkthroughs/catalog';
import { LessonPlayer, STEP_GUARD_MS } from './lesson-player.svelte';

const scam = walkthrough('nhan-dien-lua-dao')!;
const quizAt = scam.steps.findIndex((s) => s.quiz);
const practiceAt = scam.steps.findIndex((s) => s.practice);
const items = scam.steps[quizAt].quiz!;

/** A player on a clock the test moves: each tap comes well after the step before. */
function player(start = 0) {
	let t = 0;
	const p = new LessonPlayer(
		scam,
		[],
		() => {},
		start,
		() => t
	);
	const later = (ms = STEP_GUARD_MS + 50) => (t += ms);
	return { p, later };
}

describe('LessonPlayer going back', () => {
	it('shows the finished quiz finished: its answers and tally kept, Tiếp tục goes straight on', () => {
		const { p, later } = player(quizAt);
		for (const item of items) {
			p.answer(item.scam);
			later();
			p.next();
		}
		expect(p.index).toBe(quizAt + 1);
		later();
		p.back();
		expect(p.index).toBe(quizAt);
		expect(p.quizIndex).toBe(items.length - 1);
		expect(p.quizAnswers).toEqual(items.map((i) => i.scam));
		expect(p.feedback?.text).toBe(`Bác trả lời đúng ${items.length}/${items.length} câu.`);
		expect(p.blocked).toBe(false);
		later();
		p.next();
		expect(p.index).toBe(quizAt + 1);
	});

	it('shows a practice step done, and lets the learner do it again', () => {
		const { p, later } = player(practiceAt);
		p.tapScreen(scam.steps[practiceAt].practice!.target);
		later();
		p.next();
		later();
		p.back();
		expect(p.index).toBe(practiceAt);
		expect(p.solved).toBe(true);
		expect(p.blocked).toBe(false);
		expect(p.feedback?.tone).toBe('ok');
		p.tapScreen(scam.steps[practiceAt].practice!.target);
		expect(p.solved).toBe(true);
	});
});

describe('LessonPlayer and a slow double tap', () => {
	it('does not leave a step in the 800 ms after it appeared; a later tap does', () => {
		// Three look-only steps in a row: nothing but the guard stops Tiếp tục.
		const { p, later } = player(quizAt + 1);
		p.next();
		expect(p.index).toBe(quizAt + 2);
		later(450);
		p.next();
		expect(p.index).toBe(quizAt + 2);
		later(450);
		p.next();
		expect(p.index).toBe(quizAt + 3);
	});

	it('guards Quay lại the same way', () => {
		const { p, later } = player(2);
		p.back();
		expect(p.index).toBe(1);
		later(450);
		p.back();
		expect(p.index).toBe(1);
		later(450);
		p.back();
		expect(p.index).toBe(0);
	});
});

describe('LessonPlayer after a reload', () => {
	it('takes up the kept work: the same quiz message, its answers, and the steps before done', () => {
		const { p, later } = player(practiceAt);
		while (p.index < quizAt) {
			const practice = p.step!.practice;
			if (practice) p.tapScreen(practice.target);
			later();
			p.next();
		}
		expect(p.index).toBe(quizAt);
		p.answer(items[0].scam);
		later();
		p.next();
		p.answer(!items[1].scam);
		const kept = JSON.parse(JSON.stringify(p.work()));

		const said: string[] = [];
		const again = new LessonPlayer(
			scam,
			[],
			(u) => said.push(u.text),
			0,
			() => 0
		);
		again.restore(kept, p.index);
		expect(again.index).toBe(quizAt);
		expect(again.quizIndex).toBe(1);
		expect(again.quizAnswers).toEqual([items[0].scam, !items[1].scam]);
		expect(again.quizAnswer).toBe(!items[1].scam);
		expect(again.blocked).toBe(true);
		// Restoring says nothing; the page then speaks the open message as on arriving at it.
		expect(said).toEqual([]);
		again.speakStep();
		expect(said).toEqual([p.utterance().text]);
		expect(said[0]).toContain(items[1].explain);
		// The work kept is the same as before the reload.
		expect(again.work()).toEqual(kept);

		// The practice step before shows done, as going back to it always did.
		again.go(practiceAt);
		expect(again.solved).toBe(true);
		expect(again.feedback?.text).toBe('Đúng rồi! Bác bấm Tiếp tục nhé.');
	});

	it('keeps nothing of a step not reached, and the finish screen has no open step', () => {
		const { p } = player();
		expect(p.work()).toEqual(
			[{ solved: false, quizIndex: 0, quizAnswers: [] }].concat(
				scam.steps.slice(1).map(() => null as never)
			)
		);
		const done = player(scam.steps.length).p;
		expect(done.work().every((w) => w === null)).toBe(true);
		done.restore(done.work(), scam.steps.length + 3);
		expect(done.index).toBe(scam.steps.length);
	});
});
