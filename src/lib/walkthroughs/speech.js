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

/**
 * A bare number as the sender is heard as a string of digits before the listener knows what
 * it is: "Số 0300 000 222 nhắn tin" says first that a number follows.
 * @param {QuizItem} item
 */
export function quizPrompt(item) {
	const verb = item.kind === 'call' ? 'gọi đến' : 'nhắn tin';
	const from = /^[+\d]/.test(item.from) ? `Số ${item.from}` : item.from;
	return `${from} ${verb}. ${item.body}`;
}

/**
 * Every text a lesson may speak, with where it is written: steps, hints, words for wrong taps,
 * quiz prompts and explanations. (The lesson's `sayAs` says its names: see `speakable`.)
 * @param {Walkthrough} lesson
 * @returns {Array<{ at: string, text: string }>} `at` as the schema check names a field
 */
export function lessonSpeech(lesson) {
	return lesson.steps.flatMap((step, i) => {
		const at = `steps[${i}]`;
		const p = step.practice;
		return [
			{ at: `${at}.${step.say === undefined ? 'text' : 'say'}`, text: stepSpeech(step) },
			...(p ? [{ at: `${at}.practice.hint`, text: p.hint }] : []),
			...Object.entries(p?.wrong ?? {}).map(([id, text]) => ({
				at: `${at}.practice.wrong.${id}`,
				text
			})),
			...(step.quiz ?? []).flatMap((item, j) => [
				{ at: `${at}.quiz[${j}]`, text: quizPrompt(item) },
				{ at: `${at}.quiz[${j}].explain`, text: item.explain }
			])
		];
	});
}

/**
 * Every text a lesson may speak.
 * @param {Walkthrough} lesson
 * @returns {string[]}
 */
export function lessonTexts(lesson) {
	return lessonSpeech(lesson).map((s) => s.text);
}

/**
 * What the home screen says when a resident comes to it: the welcome, then its topics.
 * @param {string[]} topicTitles in the order the tiles show them
 */
export function homeSpeech(topicTitles) {
	return `${PHRASES.welcome} Có ${topicTitles.length} chủ đề: ${topicTitles.join(', ')}.`;
}

/**
 * What a topic's page says when it opens: the topic, then its lessons in their order.
 * @param {{ title: string, blurb: string }} topic
 * @param {string[]} lessonTitles
 */
export function topicSpeech(topic, lessonTitles) {
	return `${topic.title}. ${topic.blurb} Có ${lessonTitles.length} bài: ${lessonTitles.join('; ')}. ${PHRASES.pickLesson}`;
}

/** Sentences the kiosk speaks outside lessons. */
export function phraseTexts() {
	return Object.values(PHRASES);
}
