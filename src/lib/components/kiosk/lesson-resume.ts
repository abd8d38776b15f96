import type { Walkthrough } from '$lib/walkthroughs/types';

/**
 * The lesson open in this tab, kept in sessionStorage so that a reload (a volunteer's F5, the
 * tab reloaded after a crash) finds the resident where they were: the step, and what they did
 * on each step (the quiz's answers, a practice tap done). Per tab, and wiped with the rest of
 * sessionStorage when the idle guard ends a visit (KioskSession.reset), so the next person
 * never inherits it. Leaving the lesson in the app (Home, back, another lesson) forgets it too:
 * the lesson's tile then starts afresh, as it always has.
 */
export const RESUME_KEY = 'tram-hoc-so:lesson';
/**
 * Raised when the shape below changes: a place kept by an older version is then ignored.
 * 2: the time it was written (`at`), so a place the idle reset missed is not taken up.
 */
const VERSION = 2;

/** What a learner did on one step. */
export interface StepWork {
	solved: boolean;
	quizIndex: number;
	quizAnswers: Array<boolean | null>;
}

/** `index` is the player's (0-based; the step count for the finish screen). */
export interface SavedLesson {
	id: string;
	index: number;
	/** One entry per step of the lesson; null for a step not reached yet. */
	work: Array<StepWork | null>;
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The kept place's lesson, step and step count, without the lesson (null if unreadable). */
export function peekSaved(raw: string | null): { id: string; index: number; steps: number } | null {
	let v: unknown;
	try {
		v = JSON.parse(raw ?? '');
	} catch {
		return null;
	}
	if (!isObject(v) || v.v !== VERSION || typeof v.id !== 'string') return null;
	if (!Number.isInteger(v.index) || (v.index as number) < 0 || !Array.isArray(v.work)) return null;
	return { id: v.id, index: v.index as number, steps: v.work.length };
}

/**
 * The kept place for `lesson`, or null when there is none, it is another lesson's, or it does
 * not fit this lesson as it is now (edited by hand, kept by an older version, a lesson whose
 * steps or quiz changed since): anything doubtful starts the lesson as a fresh one would, never
 * a half-believed mix. Null too when it was written before `since` (ms): a tab left crashed
 * and reloaded long after missed the idle reset, and the next person must not find the last
 * one's answers (KioskSession.lapse says how long a visit can last untouched).
 */
export function parseSaved(
	raw: string | null,
	lesson: Walkthrough,
	since = -Infinity
): SavedLesson | null {
	const place = peekSaved(raw);
	const total = lesson.steps.length;
	if (!place || place.id !== lesson.id || place.steps !== total || place.index > total) {
		return null;
	}
	const { work, at } = JSON.parse(raw!) as { work: unknown[]; at: unknown };
	if (!Number.isSafeInteger(at) || (at as number) < since) return null;
	const steps: Array<StepWork | null> = [];
	for (const [i, w] of work.entries()) {
		if (w === null) {
			steps.push(null);
			continue;
		}
		const checked = stepWork(w, lesson.steps[i].practice !== undefined, lesson.steps[i].quiz);
		if (!checked) return null;
		steps.push(checked);
	}
	return { id: place.id, index: place.index, work: steps };
}

function stepWork(w: unknown, practice: boolean, quiz: unknown[] | undefined): StepWork | null {
	if (!isObject(w) || typeof w.solved !== 'boolean' || !Array.isArray(w.quizAnswers)) return null;
	// Only a practice step can be solved, only a quiz has answers.
	if (w.solved && !practice) return null;
	const count = quiz?.length ?? 0;
	const answers = w.quizAnswers as unknown[];
	if (answers.length > count || !answers.every((a) => a === null || typeof a === 'boolean')) {
		return null;
	}
	const at = w.quizIndex;
	if (!Number.isInteger(at) || (at as number) < 0 || (at as number) >= Math.max(count, 1)) {
		return null;
	}
	// The quiz moves on only from an answered message: one before `at` unanswered is not ours.
	for (let j = 0; j < (at as number); j++) if (typeof answers[j] !== 'boolean') return null;
	return {
		solved: w.solved,
		quizIndex: at as number,
		quizAnswers: answers as Array<boolean | null>
	};
}

/** The place as kept, with when (`now`, ms) it was written. */
export function formatSaved(saved: SavedLesson, now = Date.now()): string {
	return JSON.stringify({ v: VERSION, ...saved, at: now });
}

/**
 * sessionStorage, or null where it is disabled (then a reload starts afresh, as before). The
 * one way in for what a tab keeps for a reload (this lesson, and visit-resume's settings).
 */
export function tabStore(): Storage | null {
	try {
		return typeof sessionStorage === 'undefined' ? null : sessionStorage;
	} catch {
		return null;
	}
}

/** The kept place for `lesson` (parseSaved), if written since `since` (ms). */
export function readSaved(lesson: Walkthrough, since = -Infinity): SavedLesson | null {
	try {
		return parseSaved(tabStore()?.getItem(RESUME_KEY) ?? null, lesson, since);
	} catch {
		return null;
	}
}

export function writeSaved(saved: SavedLesson): void {
	try {
		tabStore()?.setItem(RESUME_KEY, formatSaved(saved));
	} catch {
		// full or disabled: a reload then starts this lesson afresh
	}
}

/** Forgets the kept place if it is lesson `id`'s (another lesson's may already be there). */
export function forgetSaved(id: string): void {
	try {
		const s = tabStore();
		if (peekSaved(s?.getItem(RESUME_KEY) ?? null)?.id === id) s?.removeItem(RESUME_KEY);
	} catch {
		// nothing kept then
	}
}

/**
 * Run once as a kiosk page loads. A place still kept then was left by a page unload, not by
 * the app (which forgets it): if this page is that lesson again, it was a reload and the page
 * takes it up; anywhere else the learner went on by a full page load, so they did leave it,
 * and `left` is told at which step (1-based), once. A finished lesson was not left.
 */
export function settleSaved(pathname: string, left: (id: string, step: number) => void): void {
	let s: Storage | null;
	let raw: string | null;
	try {
		s = tabStore();
		raw = s?.getItem(RESUME_KEY) ?? null;
	} catch {
		return;
	}
	if (raw === null) return;
	const place = peekSaved(raw);
	if (place && pathname === `/bai-hoc/${encodeURIComponent(place.id)}`) return;
	try {
		s?.removeItem(RESUME_KEY);
	} catch {
		return;
	}
	if (place && place.index < place.steps) left(place.id, place.index + 1);
}
