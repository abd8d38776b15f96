import type { QuizItem, Step, Walkthrough } from '$lib/walkthroughs/types';
import { quizPrompt, stepSpeech } from '$lib/walkthroughs/speech.js';
import { PHRASES } from '$lib/voice/phrases.js';
import type { Utterance } from '$lib/voice/narrator';
import type { StepWork } from './lesson-resume';

/** After this many wrong taps the right place is highlighted. */
export const MISSES_BEFORE_HIGHLIGHT = 2;

/**
 * After a step (or quiz message) changes, Tiếp tục and Quay lại wait this long: an elderly
 * double tap is slow (450 ms apart was seen), and its second tap skipped the new step unseen.
 * The step changing is the first tap's feedback; a deliberate next tap comes later than this.
 */
export const STEP_GUARD_MS = 800;

/** ok: the right tap; hint: not there yet; warn: a tap on a trap (a scam's link, "Vẫn chuyển"). */
export type Feedback = { tone: 'ok' | 'hint' | 'warn'; text: string } | null;

const RIGHT_TAP: Feedback = { tone: 'ok', text: 'Đúng rồi! Bác bấm Tiếp tục nhé.' };

/**
 * The state of one learner going through one lesson: which step, practice misses, the quiz.
 * It decides what to say; the page draws it and hands the utterances to the narrator.
 */
export class LessonPlayer {
	index = $state(0);
	misses = $state(0);
	solved = $state(false);
	quizIndex = $state(0);
	/** The learner's answer to each quiz item so far ("is it a scam?"), kept on going back. */
	quizAnswers = $state<Array<boolean | null>>([]);
	feedback = $state<Feedback>(null);
	/** Finished work on the steps left behind: going back shows it done, not to do again. */
	private kept: Array<StepWork | undefined> = [];
	private changedAt = -Infinity;

	constructor(
		readonly lesson: Walkthrough,
		private recordings: Array<string | null>,
		private say: (u: Utterance) => void,
		/** The step to open at (0-based; the step count for the finish screen). */
		start = 0,
		private now: () => number = () => performance.now()
	) {
		this.index = Math.max(0, Math.min(start, this.total));
	}

	get total(): number {
		return this.lesson.steps.length;
	}
	get done(): boolean {
		return this.index >= this.total;
	}
	get step(): Step | undefined {
		return this.lesson.steps[this.index];
	}
	get quizItem(): QuizItem | undefined {
		return this.step?.quiz?.[this.quizIndex];
	}
	/** Right answers out of all, once the last message is answered (shown, not said: each
	 * score's sentence would need a clip of its own). */
	get quizScore(): { right: number; of: number } | null {
		const items = this.step?.quiz;
		if (!items || this.quizIndex < items.length - 1 || this.quizAnswer === null) return null;
		const right = items.filter((item, i) => this.quizAnswers[i] === item.scam).length;
		return { right, of: items.length };
	}
	get quizAnswer(): boolean | null {
		return this.quizAnswers[this.quizIndex] ?? null;
	}
	get highlight(): string | null {
		const p = this.step?.practice;
		return p && !this.solved && this.misses >= MISSES_BEFORE_HIGHLIGHT ? p.target : null;
	}
	/** True when Tiếp tục would leave something unfinished on this step. */
	get blocked(): boolean {
		const s = this.step;
		if (!s) return false;
		if (s.practice) return !this.solved;
		if (s.quiz) return this.quizAnswer === null || this.quizIndex < s.quiz.length - 1;
		return false;
	}

	/** What this step says when it opens (also "Nghe lại"). */
	utterance(): Utterance {
		if (this.done) return { text: PHRASES.done };
		const item = this.quizItem;
		if (item && this.quizAnswer === null) {
			return { text: `${quizPrompt(item)} ${PHRASES.isScam}` };
		}
		if (item) return { text: this.answerText(item, this.quizAnswer!) };
		return { text: stepSpeech(this.step!), recording: this.recordings[this.index] };
	}

	speakStep(): void {
		this.say(this.utterance());
	}

	/** Tiếp tục: finish what the step asks first, then move on. */
	next(): void {
		const s = this.step;
		if (!s || this.tooSoon()) return;
		if (s.practice && !this.solved) {
			this.feedback = { tone: 'hint', text: s.practice.hint };
			this.say({ text: `${PHRASES.tapFirst} ${s.practice.hint}` });
			return;
		}
		if (s.quiz) {
			if (this.quizAnswer === null) {
				// Said and shown: without sound, a Tiếp tục that did nothing looked broken.
				this.feedback = { tone: 'hint', text: PHRASES.quizChoose };
				this.say({ text: PHRASES.quizChoose });
				return;
			}
			if (this.quizIndex < s.quiz.length - 1) {
				this.quizIndex++;
				this.changedAt = this.now();
				this.feedback = null;
				this.speakStep();
				return;
			}
		}
		this.go(this.index + 1);
	}

	/** Quay lại: inside the quiz, the message before (with its answer); else the step before. */
	back(): void {
		if (this.tooSoon()) return;
		if (this.step?.quiz && this.quizIndex > 0) {
			this.quizIndex--;
			this.changedAt = this.now();
			this.feedback = null;
			this.speakStep();
			return;
		}
		if (this.index > 0) this.go(this.index - 1);
	}

	/** The second tap of a slow double tap, on a step that has only just appeared. */
	private tooSoon(): boolean {
		return this.now() - this.changedAt < STEP_GUARD_MS;
	}

	go(index: number): void {
		this.kept[this.index] = this.current();
		this.index = Math.max(0, Math.min(index, this.total));
		this.changedAt = this.now();
		this.enter();
		this.speakStep();
	}

	/**
	 * Takes up work kept from before a reload (see lesson-resume): every step as it was left,
	 * the one at `index` open. Called before the step is first spoken, so it speaks as on
	 * arriving; not a step change for the double-tap guard (the learner did not tap).
	 */
	restore(work: ReadonlyArray<StepWork | null>, index = this.index): void {
		this.kept = work.map((w) => w ?? undefined);
		this.index = Math.max(0, Math.min(index, this.total));
		this.enter();
	}

	/** What was done on every step so far, the open one included (null: not reached). */
	work(): Array<StepWork | null> {
		const all: Array<StepWork | null> = this.lesson.steps.map((_, i) => {
			const w = this.kept[i];
			return w ? $state.snapshot(w) : null;
		});
		if (!this.done) all[this.index] = $state.snapshot(this.current());
		return all;
	}

	private current(): StepWork {
		return { solved: this.solved, quizIndex: this.quizIndex, quizAnswers: this.quizAnswers };
	}

	/** The open step as it was left, or fresh: its work, and its feedback shown as done. */
	private enter(): void {
		const work = this.kept[this.index];
		this.misses = 0;
		this.solved = work?.solved ?? false;
		this.quizIndex = work?.quizIndex ?? 0;
		this.quizAnswers = work?.quizAnswers ?? [];
		// A step done before shows as done: the practice's "right" note, the quiz's tally.
		const score = this.quizScore;
		this.feedback = score
			? this.tally(score)
			: this.solved && this.step?.practice
				? RIGHT_TAP
				: null;
	}

	private tally(score: { right: number; of: number }): Feedback {
		return { tone: 'ok', text: `Bác trả lời đúng ${score.right}/${score.of} câu.` };
	}

	/** A tap on the practice phone: the right place, or a gentle hint. */
	tapScreen(target: string | null): void {
		const p = this.step?.practice;
		if (!p) return;
		if (target === p.target) {
			// Also once solved: a learner back on a step done before may do it again.
			this.solved = true;
			this.feedback = RIGHT_TAP;
			this.say({ text: PHRASES.rightTap });
			return;
		}
		// Solved already, a stray tap beside the target changes nothing.
		if (this.solved) return;
		this.misses++;
		const why = target === null ? undefined : p.wrong?.[target];
		if (why) {
			this.feedback = { tone: 'warn', text: `${why} ${p.hint}` };
			this.say({ text: `${why} ${p.hint}` });
			return;
		}
		this.feedback = { tone: 'hint', text: p.hint };
		this.say({ text: `${PHRASES.tryAgain} ${p.hint}` });
	}

	/** A tap on a screen that is only to look at: say so, gently, once per step. */
	lookOnly(): void {
		if (this.feedback?.text === PHRASES.lookOnly) return;
		this.feedback = { tone: 'hint', text: PHRASES.lookOnly };
		this.say({ text: PHRASES.lookOnly });
	}

	answer(saidScam: boolean): void {
		const item = this.quizItem;
		if (!item || this.quizAnswer !== null) return;
		this.quizAnswers[this.quizIndex] = saidScam;
		// After the last message, the tally beside the quiz, where the words column has room.
		const score = this.quizScore;
		this.feedback = score && this.tally(score);
		this.say({ text: this.answerText(item, saidScam) });
	}

	private answerText(item: QuizItem, saidScam: boolean): string {
		const verdict = saidScam === item.scam ? PHRASES.quizRight : PHRASES.quizWrong;
		const last = this.quizIndex === (this.step?.quiz?.length ?? 0) - 1;
		return `${verdict} ${item.explain}${last ? ` ${PHRASES.quizDone}` : ''}`;
	}
}
