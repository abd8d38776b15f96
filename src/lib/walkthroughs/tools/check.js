// The content check shared by `npm run content:check` and the build: lesson schema, then the
// narration audio (every spoken sentence has its clip; recordings match their step's text).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { clipsFor, textHash } from '../../voice/clips.js';
import { PHRASES } from '../../voice/phrases.js';
import { foreignWords } from '../../voice/speakable.js';
import { sortLessons } from '../order.js';
import { homeSpeech, lessonTexts, phraseTexts, stepSpeech, topicSpeech } from '../speech.js';
import { validateContent } from '../validate.js';
import { ROOT, readLessonFiles } from './read-lessons.js';

export const STATIC = join(ROOT, 'static');
/** @type {Array<{ id: string, title: string, blurb: string }>} */
const topics = JSON.parse(readFileSync(join(ROOT, 'src/lib/walkthroughs/topics.json'), 'utf8'));
export const RECORDINGS = join(ROOT, 'src/lib/voice/recordings.json');
/** The budget for all shipped audio (the kiosk ships its narration as files). */
export const AUDIO_BUDGET_BYTES = 10 * 1024 * 1024;

/**
 * @typedef {import('../types').Walkthrough} Walkthrough
 */

/** @returns {{ schema: string[], lessons: Walkthrough[] }} */
export function checkSchema() {
	const files = readLessonFiles();
	const schema = files
		.filter((f) => f.parseError)
		.map((f) => `${f.file}: not valid JSON (${f.parseError})`);
	schema.push(...validateContent(files.filter((f) => !f.parseError)));
	schema.push(...checkKioskWords());
	const lessons = /** @type {Walkthrough[]} */ (files.map((f) => f.data));
	return { schema, lessons };
}

/**
 * What the home page and each topic's page say (they list the lessons, so they change with them).
 * @param {Walkthrough[]} lessons
 */
function menuTexts(lessons) {
	const sorted = sortLessons(lessons, topics);
	return [
		homeSpeech(topics.map((t) => t.title)),
		...topics.map((t) =>
			topicSpeech(
				t,
				sorted.filter((l) => l.topic === t.id).map((l) => l.title)
			)
		)
	];
}

/**
 * What the kiosk says outside lessons must be Vietnamese words, as the lessons' must be
 * (validate.js checks those, titles included): the fixed phrases, and the menus with their
 * topics.
 * @returns {string[]}
 */
export function checkKioskWords() {
	const said = [
		...Object.entries(PHRASES).map(([key, text]) => ({
			at: `src/lib/voice/phrases.js: ${key}`,
			text
		})),
		{ at: 'src/lib/walkthroughs/speech.js: homeSpeech', text: homeSpeech([]) },
		...topics.map((t) => ({
			at: `src/lib/walkthroughs/topics.json: ${t.id}`,
			text: topicSpeech(t, [])
		}))
	];
	return said.flatMap(({ at, text }) =>
		foreignWords(text).map(
			(word) =>
				`${at}: the voice cannot say “${word}” as Vietnamese: write it in Vietnamese words, or add it to SAID_AS (src/lib/voice/speakable.js)`
		)
	);
}

/** Every sentence that needs a clip, with the files that use it. */
export function neededClips(/** @type {Walkthrough[]} */ lessons) {
	/** @type {Map<string, { spoken: string, users: Set<string> }>} */
	const clips = new Map();
	const add = (
		/** @type {string} */ text,
		/** @type {string} */ user,
		/** @type {Record<string, string> | undefined} */ words = undefined
	) => {
		for (const c of clipsFor(text, words)) {
			const entry = clips.get(c.name) ?? { spoken: c.spoken, users: new Set() };
			entry.users.add(user);
			clips.set(c.name, entry);
		}
	};
	for (const lesson of lessons) {
		for (const text of lessonTexts(lesson)) add(text, `lessons/${lesson.id}.json`, lesson.sayAs);
	}
	for (const text of phraseTexts()) add(text, 'src/lib/voice/phrases.js');
	for (const text of menuTexts(lessons)) add(text, 'src/lib/walkthroughs/topics.json');
	return clips;
}

/** @returns {Record<string, string>} "lesson/step" (1-based) → hash of the step's text when recorded */
export function readRecordings() {
	return existsSync(RECORDINGS) ? JSON.parse(readFileSync(RECORDINGS, 'utf8')) : {};
}

/** Problems with the shipped audio: missing or stale clips and recordings, size over budget. */
export function checkAudio(/** @type {Walkthrough[]} */ lessons) {
	/** @type {string[]} */
	const errors = [];
	const dir = join(STATIC, 'voice/gen');
	for (const [name, { spoken, users }] of neededClips(lessons)) {
		if (!existsSync(join(dir, name))) {
			errors.push(`${[...users].join(', ')}: no audio for "${spoken}" (run npm run voice:build)`);
		}
	}
	const recordings = readRecordings();
	for (const [key, hash] of Object.entries(recordings)) {
		const [id, n] = key.split('/');
		const step = lessons.find((l) => l.id === id)?.steps[Number(n) - 1];
		if (!step) errors.push(`recordings.json: ${key} names no step`);
		else if (textHash(stepSpeech(step)) !== hash) {
			errors.push(`lessons/${id}.json: step ${n} changed since it was recorded (re-record it)`);
		}
		if (!existsSync(join(STATIC, `voice/human/${key}.opus`))) {
			errors.push(`recordings.json: static/voice/human/${key}.opus is missing`);
		}
	}
	const bytes = folderBytes(join(STATIC, 'voice'));
	if (bytes > AUDIO_BUDGET_BYTES) {
		errors.push(`static/voice: ${(bytes / 1048576).toFixed(1)} MB, over the 10 MB budget`);
	}
	return { errors, bytes };
}

/** @param {string} dir */
function folderBytes(dir) {
	if (!existsSync(dir)) return 0;
	/** @type {number} */
	let total = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		total += entry.isDirectory() ? folderBytes(p) : statSync(p).size;
	}
	return total;
}
