// What the narrator says for each part of a lesson. Shared by the player (browser), the audio
// builder and the content check, so every spoken text has a pre-made clip.
import { PHRASES } from '../voice/phrases.js';

/**
 * @typedef {import('./types').Step} Step
 * @typedef {import('./types').QuizItem} QuizItem
 * @typedef {import('./types').Walkthrough} Walkthrough
 */

/** @param {Step} step */
export function stepSpeech(step) {
	return step.say ?? step.text;
}

/** @param {QuizItem} item */
export function quizPrompt(item) {
	const verb = item.kind === 'call' ? 'gọi đến' : 'nhắn tin';
	return `${item.from} ${verb}. ${item.body}`;
}

/**
 * Every text a lesson may speak: steps, hints, words for wrong taps, quiz prompts and
 * explanations.
 * @param {Walkthrough} lesson
 * @returns {string[]}
 */
export function lessonTexts(lesson) {
	return lesson.steps.flatMap((step) => [
		stepSpeech(step),
		...(step.practice ? [step.practice.hint, ...Object.values(step.practice.wrong ?? {})] : []),
		...(step.quiz ?? []).flatMap((item) => [quizPrompt(item), item.explain])
	]);
}

/** Sentences the kiosk speaks outside lessons. */
export function phraseTexts() {
	return Object.values(PHRASES);
}
