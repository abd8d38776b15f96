import { afterEach, describe, expect, it, vi } from 'vitest';
import { walkthrough } from '$lib/walkthroughs/catalog';
import {
	forgetSaved,
	formatSaved,
	parseSaved,
	readSaved,
	RESUME_KEY,
	settleSaved,
	writeSaved,
	type SavedLesson,
	type StepWork
} from './lesson-resume';

const scam = walkthrough('nhan-dien-lua-dao')!;
const n = scam.steps.length;
const quizAt = scam.steps.findIndex((s) => s.quiz);
const practiceAt = scam.steps.findIndex((s) => s.practice);
const items = scam.steps[quizAt].quiz!;

/** In the middle of the quiz: three messages answered, the third one open. */
function midQuiz(): SavedLesson {
	const work: Array<StepWork | null> = scam.steps.map(() => null);
	work[practiceAt] = { solved: true, quizIndex: 0, quizAnswers: [] };
	work[quizAt] = { solved: false, quizIndex: 2, quizAnswers: [true, false, true] };
	return { id: scam.id, index: quizAt, work };
}

/** The stored text with `change` applied to its parsed form (as a hand or old version would). */
function edited(change: (v: Record<string, unknown> & { work: unknown[] }) => void): string {
	const v = JSON.parse(formatSaved(midQuiz()));
	change(v);
	return JSON.stringify(v);
}

describe('the lesson kept for a reload', () => {
	it('reads back what was written', () => {
		expect(parseSaved(formatSaved(midQuiz()), scam)).toEqual(midQuiz());
		const done = { ...midQuiz(), index: n };
		expect(parseSaved(formatSaved(done), scam)).toEqual(done);
	});

	it('is nothing when written before the visit could have ended (the idle reset missed)', () => {
		const at = Date.UTC(2026, 11, 3, 8);
		const raw = formatSaved(midQuiz(), at);
		expect(parseSaved(raw, scam, at)).toEqual(midQuiz());
		expect(parseSaved(raw, scam, at - 1)).toEqual(midQuiz());
		expect(parseSaved(raw, scam, at + 1)).toBeNull();
		// Kept by the version before it had a time: ignored.
		expect(
			parseSaved(
				edited((v) => delete v.at),
				scam
			)
		).toBeNull();
		expect(
			parseSaved(
				edited((v) => (v.at = 'nay')),
				scam
			)
		).toBeNull();
	});

	it('is nothing when missing, unreadable, or another lesson’s', () => {
		expect(parseSaved(null, scam)).toBeNull();
		expect(parseSaved('', scam)).toBeNull();
		expect(parseSaved('{"v":1,', scam)).toBeNull();
		expect(parseSaved('[1,2]', scam)).toBeNull();
		expect(parseSaved('null', scam)).toBeNull();
		expect(parseSaved(formatSaved(midQuiz()), walkthrough('tien-dien')!)).toBeNull();
	});

	it('is ignored whole when it does not fit the lesson as it is now', () => {
		const stale = [
			// kept by an older (or newer) version
			edited((v) => (v.v = 0)),
			edited((v) => delete v.v),
			// a step beyond the lesson, or not a step
			edited((v) => (v.index = n + 1)),
			edited((v) => (v.index = -1)),
			edited((v) => (v.index = 1.5)),
			edited((v) => (v.index = '3')),
			// a lesson with more or fewer steps since
			edited((v) => v.work.push(null)),
			edited((v) => v.work.pop()),
			edited((v) => ((v as Record<string, unknown>).work = {})),
			// a step's work that this step cannot have
			edited((v) => (v.work[quizAt] = 'x')),
			edited((v) => (v.work[quizAt] = { solved: true, quizIndex: 2, quizAnswers: [true] })),
			edited((v) => (v.work[0] = { solved: false, quizIndex: 0, quizAnswers: [true] })),
			edited((v) => (v.work[quizAt] = { solved: false, quizIndex: items.length, quizAnswers: [] })),
			edited((v) => (v.work[quizAt] = { solved: false, quizIndex: -1, quizAnswers: [] })),
			edited((v) => (v.work[quizAt] = { solved: false, quizIndex: 0, quizAnswers: ['có'] })),
			edited(
				(v) =>
					(v.work[quizAt] = {
						solved: false,
						quizIndex: 0,
						quizAnswers: items.map(() => true).concat(true)
					})
			),
			// moved past a message never answered
			edited((v) => (v.work[quizAt] = { solved: false, quizIndex: 2, quizAnswers: [true, null] })),
			edited((v) => (v.work[practiceAt] = { solved: 'yes', quizIndex: 0, quizAnswers: [] }))
		];
		for (const raw of stale) expect(parseSaved(raw, scam), raw).toBeNull();
	});
});

/** sessionStorage as the browser has it, for the functions that use it. */
function fakeSession(): Map<string, string> {
	const m = new Map<string, string>();
	vi.stubGlobal('sessionStorage', {
		getItem: (k: string) => m.get(k) ?? null,
		setItem: (k: string, v: string) => void m.set(k, v),
		removeItem: (k: string) => void m.delete(k)
	});
	return m;
}

describe('the kept lesson in sessionStorage', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('is written, read, and forgotten only by its own lesson', () => {
		const m = fakeSession();
		writeSaved(midQuiz());
		expect(readSaved(scam)).toEqual(midQuiz());
		forgetSaved('tien-dien');
		expect(m.has(RESUME_KEY)).toBe(true);
		forgetSaved(scam.id);
		expect(m.has(RESUME_KEY)).toBe(false);
		expect(readSaved(scam)).toBeNull();
	});

	it('as a page loads: kept for a reload of its lesson, counted left anywhere else', () => {
		const m = fakeSession();
		const left: Array<[string, number]> = [];
		writeSaved(midQuiz());
		settleSaved(`/bai-hoc/${scam.id}`, (id, step) => left.push([id, step]));
		expect(left).toEqual([]);
		expect(readSaved(scam)).toEqual(midQuiz());

		settleSaved('/', (id, step) => left.push([id, step]));
		expect(left).toEqual([[scam.id, quizAt + 1]]);
		expect(m.has(RESUME_KEY)).toBe(false);
		// Once only.
		settleSaved('/', (id, step) => left.push([id, step]));
		expect(left).toHaveLength(1);
	});

	it('as a page loads: a finished lesson was not left, and an unreadable place is dropped', () => {
		const m = fakeSession();
		const left: string[] = [];
		writeSaved({ ...midQuiz(), index: n });
		settleSaved('/chu-de/an-toan', (id) => left.push(id));
		m.set(RESUME_KEY, '{"v":1,"id":');
		settleSaved('/', (id) => left.push(id));
		expect(left).toEqual([]);
		expect(m.has(RESUME_KEY)).toBe(false);
	});

	it('is simply not kept where storage is refused', () => {
		vi.stubGlobal('sessionStorage', {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
			removeItem: () => {
				throw new Error('SecurityError');
			}
		});
		expect(() => writeSaved(midQuiz())).not.toThrow();
		expect(readSaved(scam)).toBeNull();
		expect(() => forgetSaved(scam.id)).not.toThrow();
		expect(() => settleSaved('/', () => {})).not.toThrow();
	});
});
