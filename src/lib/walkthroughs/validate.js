// Lesson validation in plain JavaScript (JSDoc-typed) so that the same code runs in the Vite
// build (plugin), in `npm run content:check` under bare Node, and in vitest.
import { foreignWords, speakable } from '../voice/speakable.js';
import { lessonSpeech } from './speech.js';

export const TOPIC_IDS = ['dich-vu-cong', 'thanh-toan', 'y-te', 'mua-sam', 'lua-dao', 'dien-thoai'];
export const SIM_APPS = [
	'vneid',
	'bank',
	'dvc',
	'vssid',
	'shop',
	'sms',
	'call',
	'phone',
	'settings',
	'store'
];
export const ILLUSTRATIONS = [
	'id-card',
	'police',
	'phone',
	'family',
	'shield',
	'bill',
	'shop',
	'qr-sticker'
];
export const ICONS = [
	'id',
	'card',
	'bank',
	'qr',
	'bolt',
	'health',
	'cart',
	'shield',
	'phone',
	'doc',
	'home',
	'wifi',
	'text',
	'store',
	'history',
	'settings',
	'chat',
	'baby',
	'user',
	'box',
	'star',
	'search',
	'lock'
];
const ELEMENT_KINDS = [
	'text',
	'button',
	'tiles',
	'row',
	'field',
	'qr',
	'message',
	'call',
	'toggle'
];
/** Kinds a learner can tap, so a practice target must be one of them. */
const TAPPABLE = ['button', 'tile', 'row', 'field', 'qr', 'message', 'toggle', 'call-answer'];

/**
 * Checks one lesson object. Returns every problem found (empty when the lesson is good),
 * each phrased so the author can find it: "steps[3].practice.target: …".
 * @param {unknown} lesson
 * @param {string} fileId the file's name without `.json`; the lesson's id must match it
 * @returns {string[]}
 */
export function validateWalkthrough(lesson, fileId) {
	/** @type {string[]} */
	const errors = [];
	const bad = (/** @type {string} */ where, /** @type {string} */ what) =>
		errors.push(`${where}: ${what}`);
	if (!isObject(lesson)) return ['lesson: must be a JSON object'];
	if (lesson.id !== fileId) bad('id', `must equal the file name "${fileId}"`);
	if (typeof lesson.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(lesson.id)) {
		bad('id', 'must be lower-case words joined by "-"');
	}
	text(lesson.title, 'title', bad, 80);
	text(lesson.summary, 'summary', bad, 200);
	if (!TOPIC_IDS.includes(/** @type {string} */ (lesson.topic))) {
		bad('topic', `must be one of ${TOPIC_IDS.join(', ')}`);
	}
	if (lesson.order !== undefined && !isOrder(lesson.order)) {
		bad('order', 'must be a whole number from 1 to 99');
	}
	const steps = lesson.steps;
	if (!Array.isArray(steps) || steps.length < 5 || steps.length > 10) {
		bad('steps', 'must be a list of 5 to 10 steps');
		return errors;
	}
	steps.forEach((step, i) => validateStep(step, `steps[${i}]`, bad));
	// What a lesson says is found by walking its steps: only steps of the right shape can be.
	const walkable = errors.length === 0;
	if (lesson.sayAs !== undefined) validateSayAs(lesson.sayAs, bad);
	if (walkable) validateSpoken(/** @type {Walkthrough} */ (lesson), bad);
	return errors;
}

/** @typedef {import('./types').Walkthrough} Walkthrough */

/**
 * `sayAs`: the lesson's own names, each said in Vietnamese words.
 * @param {unknown} sayAs
 * @param {(where: string, what: string) => void} bad
 */
function validateSayAs(sayAs, bad) {
	if (!isObject(sayAs) || Object.keys(sayAs).length === 0) {
		return bad('sayAs', 'must map names as written to how they are said');
	}
	for (const [written, said] of Object.entries(sayAs)) {
		const at = `sayAs.${written}`;
		if (!/\p{L}/u.test(written) || written.length > 40)
			bad(at, 'must be a name of 1 to 40 characters');
		text(said, at, bad, 60);
		if (typeof said !== 'string') continue;
		for (const word of foreignWords(said)) {
			bad(at, `says “${word}”, which is not a Vietnamese word: write how it sounds`);
		}
	}
}

/**
 * Every word the narrator says must be Vietnamese: the voice (espeak-ng) reads any other word
 * in English ("Shopee") or letter by letter ("CUC THUE"). A lesson gives its own names a spoken
 * form in `sayAs`; a word of the kiosk's subject goes in SAID_AS (src/lib/voice/speakable.js).
 * The title is said in the menus too, where no lesson's `sayAs` applies.
 * @param {Walkthrough} lesson
 * @param {(where: string, what: string) => void} bad
 */
function validateSpoken(lesson, bad) {
	const sayAs = /** @type {unknown} */ (lesson.sayAs);
	const words =
		isObject(sayAs) && Object.values(sayAs).every((v) => typeof v === 'string')
			? /** @type {Record<string, string>} */ (sayAs)
			: undefined;
	for (const word of foreignWords(lesson.title)) {
		bad(
			'title',
			`the voice cannot say “${word}” as Vietnamese, and the menus that say titles know no sayAs: write it in Vietnamese words`
		);
	}
	const spoken = lessonSpeech(lesson);
	for (const { at, text } of spoken) {
		for (const word of foreignWords(text, words)) {
			bad(
				at,
				`the voice cannot say “${word}” as Vietnamese: add it to the lesson's sayAs (a general word: to SAID_AS in src/lib/voice/speakable.js)`
			);
		}
	}
	for (const [written, said] of Object.entries(words ?? {})) {
		const used = spoken.some(
			({ text }) => speakable(text, { [written]: said }) !== speakable(text)
		);
		if (!used)
			bad(`sayAs.${written}`, 'changes nothing the lesson says (not said, or said so already)');
	}
}

/**
 * @param {unknown} step
 * @param {string} at
 * @param {(where: string, what: string) => void} bad
 */
function validateStep(step, at, bad) {
	if (!isObject(step)) return bad(at, 'must be an object');
	const known = ['text', 'say', 'print', 'screen', 'illustration', 'points', 'practice', 'quiz'];
	for (const key of Object.keys(step)) {
		if (!known.includes(key)) bad(`${at}.${key}`, 'is not a known field');
	}
	text(step.text, `${at}.text`, bad, 160);
	if (step.say !== undefined) text(step.say, `${at}.say`, bad, 400);
	if (step.print !== undefined) text(step.print, `${at}.print`, bad, 200);
	// The take-away is read at home, with no kiosk to answer the quiz on.
	if (step.quiz !== undefined && step.print === undefined)
		bad(`${at}.print`, 'a quiz step needs one');
	const visuals = ['screen', 'illustration', 'points', 'quiz'].filter((k) => step[k] !== undefined);
	if (visuals.length !== 1) bad(at, 'needs exactly one of screen, illustration, points or quiz');
	if (step.illustration !== undefined && !ILLUSTRATIONS.includes(String(step.illustration))) {
		bad(`${at}.illustration`, `must be one of ${ILLUSTRATIONS.join(', ')}`);
	}
	if (step.points !== undefined) validatePoints(step.points, `${at}.points`, bad);
	/** @type {Set<string>} */
	const ids = new Set();
	if (step.screen !== undefined) {
		validateScreen(step.screen, `${at}.screen`, bad, ids);
		validateQuotes(step.text, step.screen, `${at}.text`, bad);
	}
	if (step.practice !== undefined) {
		const p = step.practice;
		if (!isObject(p)) bad(`${at}.practice`, 'must be an object');
		else {
			text(p.hint, `${at}.practice.hint`, bad, 200);
			if (step.screen === undefined) bad(`${at}.practice`, 'needs a screen to tap on');
			else if (typeof p.target !== 'string' || !ids.has(p.target)) {
				bad(`${at}.practice.target`, `"${String(p.target)}" is not a tappable id on the screen`);
			}
			if (p.swipe !== undefined) validateSwipe(p, step.screen, `${at}.practice.swipe`, bad);
			if (p.wrong !== undefined)
				validateWrongTaps(p.wrong, p.target, ids, `${at}.practice.wrong`, bad);
		}
	}
	if (step.quiz !== undefined) validateQuiz(step.quiz, `${at}.quiz`, bad);
}

/**
 * A caption that quotes words (“Gửi yêu cầu”) quotes words its phone shows: its title, a
 * button, a row, a field… A resident looks for them letter by letter. A quote may be cut short
 * with "…" (“Tôi xác nhận…”) and may be part of a longer label (“Mức 2”).
 * @param {unknown} caption
 * @param {unknown} screen
 * @param {string} at
 * @param {(where: string, what: string) => void} bad
 */
function validateQuotes(caption, screen, at, bad) {
	if (typeof caption !== 'string' || !isObject(screen)) return;
	const words = screenWords(screen);
	for (const [, quoted] of caption.matchAll(/“([^”]*)”/g)) {
		const wanted = quoted.replace(/…$/, '');
		if (!words.some((w) => w.includes(wanted))) {
			bad(at, `quotes “${quoted}”, which its screen does not show`);
		}
	}
}

/**
 * Every piece of text a simulated screen shows.
 * @param {Record<string, any>} screen
 * @returns {string[]}
 */
function screenWords(screen) {
	/** @type {unknown[]} */
	const words = [screen.title];
	for (const el of Array.isArray(screen.elements) ? screen.elements : []) {
		if (!isObject(el)) continue;
		for (const key of ['text', 'label', 'value', 'detail', 'caption', 'from', 'number', 'note']) {
			words.push(el[key]);
		}
		if (Array.isArray(el.items)) for (const item of el.items) words.push(item?.text);
		// The call screen's own buttons (SimElement).
		if (el.kind === 'call') words.push('Từ chối', 'Nghe');
	}
	return words.filter((w) => typeof w === 'string');
}

/**
 * A target found by swiping up starts out of sight below, even on a tall portrait kiosk: it
 * is the last of a long screen.
 * @param {Record<string, unknown>} practice
 * @param {unknown} screen
 * @param {string} at
 * @param {(where: string, what: string) => void} bad
 */
function validateSwipe(practice, screen, at, bad) {
	if (practice.swipe !== 'up') return bad(at, 'must be "up"');
	const elements = isObject(screen) && Array.isArray(screen.elements) ? screen.elements : [];
	if (elements.length < 8) bad(at, 'needs a screen of at least 8 elements to swipe through');
	const last = elements.at(-1);
	if (!isObject(last) || last.id !== practice.target) {
		bad(at, 'the target must be the last element of the screen');
	}
}

/**
 * Words for tempting wrong places: each a tappable id on the screen other than the target.
 * @param {unknown} wrong
 * @param {unknown} target
 * @param {Set<string>} ids
 * @param {string} at
 * @param {(where: string, what: string) => void} bad
 */
function validateWrongTaps(wrong, target, ids, at, bad) {
	if (!isObject(wrong) || Object.keys(wrong).length === 0) {
		return bad(at, 'must map element ids to what a tap there says');
	}
	for (const [id, said] of Object.entries(wrong)) {
		if (id === target) bad(`${at}.${id}`, 'is the target: a tap there is right');
		else if (!ids.has(id)) bad(`${at}.${id}`, `"${id}" is not a tappable id on the screen`);
		text(said, `${at}.${id}`, bad, 160);
	}
}

/**
 * A numbered card must fit beside the caption on the smallest kiosk screen: 2 to 5 short lines.
 * @param {unknown} points
 * @param {string} at
 * @param {(where: string, what: string) => void} bad
 */
function validatePoints(points, at, bad) {
	if (!Array.isArray(points) || points.length < 2 || points.length > 5) {
		return bad(at, 'must be a list of 2 to 5 lines');
	}
	points.forEach((line, i) => text(line, `${at}[${i}]`, bad, 70));
}

/**
 * @param {unknown} screen
 * @param {string} at
 * @param {(where: string, what: string) => void} bad
 * @param {Set<string>} ids filled with the tappable ids found
 */
function validateScreen(screen, at, bad, ids) {
	if (!isObject(screen)) return bad(at, 'must be an object');
	if (!SIM_APPS.includes(String(screen.app))) bad(`${at}.app`, `must be one of ${SIM_APPS}`);
	text(screen.title, `${at}.title`, bad, 40);
	if (!Array.isArray(screen.elements) || screen.elements.length === 0) {
		return bad(`${at}.elements`, 'must be a non-empty list');
	}
	const addId = (
		/** @type {unknown} */ id,
		/** @type {string} */ where,
		/** @type {string} */ kind
	) => {
		if (id === undefined) return;
		if (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id)) return bad(where, 'id must be a-z0-9-');
		if (ids.has(id)) bad(where, `id "${id}" is used twice on this screen`);
		if (TAPPABLE.includes(kind)) ids.add(id);
	};
	screen.elements.forEach((/** @type {unknown} */ el, /** @type {number} */ i) => {
		const w = `${at}.elements[${i}]`;
		if (!isObject(el) || !ELEMENT_KINDS.includes(String(el.kind))) {
			return bad(w, `kind must be one of ${ELEMENT_KINDS.join(', ')}`);
		}
		switch (el.kind) {
			case 'text':
				return text(el.text, `${w}.text`, bad, 200);
			case 'button':
				if (typeof el.id !== 'string') bad(`${w}.id`, 'a button needs an id');
				addId(el.id, `${w}.id`, 'button');
				return text(el.text, `${w}.text`, bad, 50);
			case 'toggle':
				addId(el.id, `${w}.id`, 'toggle');
				if (typeof el.on !== 'boolean') bad(`${w}.on`, 'must be true or false');
				return text(el.text, `${w}.text`, bad, 60);
			case 'tiles':
				if (!Array.isArray(el.items) || el.items.length === 0) return bad(`${w}.items`, 'empty');
				return el.items.forEach((/** @type {unknown} */ t, /** @type {number} */ j) => {
					if (!isObject(t)) return bad(`${w}.items[${j}]`, 'must be an object');
					addId(t.id, `${w}.items[${j}].id`, 'tile');
					text(t.text, `${w}.items[${j}].text`, bad, 30);
					if (!ICONS.includes(String(t.icon))) bad(`${w}.items[${j}].icon`, `unknown icon`);
				});
			case 'row':
				addId(el.id, `${w}.id`, 'row');
				return text(el.text, `${w}.text`, bad, 80);
			case 'field':
				addId(el.id, `${w}.id`, 'field');
				text(el.label, `${w}.label`, bad, 60);
				return text(el.value, `${w}.value`, bad, 80, true);
			case 'qr':
				return addId(el.id, `${w}.id`, 'qr');
			case 'message':
				addId(el.id, `${w}.id`, 'message');
				text(el.from, `${w}.from`, bad, 40);
				return text(el.text, `${w}.text`, bad, 300);
			case 'call':
				// The call screen always offers "answer" and "decline".
				addId('answer', `${w}`, 'call-answer');
				addId('decline', `${w}`, 'call-answer');
				text(el.from, `${w}.from`, bad, 40);
				return text(el.number, `${w}.number`, bad, 20);
		}
	});
}

/**
 * @param {unknown} quiz
 * @param {string} at
 * @param {(where: string, what: string) => void} bad
 */
function validateQuiz(quiz, at, bad) {
	if (!Array.isArray(quiz) || quiz.length < 10) return bad(at, 'a quiz needs at least 10 items');
	quiz.forEach((item, i) => {
		const w = `${at}[${i}]`;
		if (!isObject(item)) return bad(w, 'must be an object');
		if (item.kind !== 'call' && item.kind !== 'sms') bad(`${w}.kind`, 'must be call or sms');
		text(item.from, `${w}.from`, bad, 40);
		text(item.body, `${w}.body`, bad, 300);
		text(item.explain, `${w}.explain`, bad, 300);
		if (typeof item.scam !== 'boolean') bad(`${w}.scam`, 'must be true or false');
	});
}

/**
 * @param {unknown} value
 * @param {string} where
 * @param {(where: string, what: string) => void} bad
 * @param {number} max
 * @param {boolean} [allowEmpty]
 */
function text(value, where, bad, max, allowEmpty = false) {
	if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) {
		return bad(where, 'must be non-empty text');
	}
	if (value.length > max) bad(where, `is longer than ${max} characters`);
	// Stored and compared as NFC: a decomposed "ễ" would render and hash differently.
	if (value !== value.normalize('NFC')) bad(where, 'is not in Unicode NFC form');
}

/**
 * A lesson's place in its topic: 1 is listed first.
 * @param {unknown} v
 * @returns {v is number}
 */
function isOrder(v) {
	return Number.isInteger(v) && /** @type {number} */ (v) >= 1 && /** @type {number} */ (v) <= 99;
}

/**
 * @param {unknown} v
 * @returns {v is Record<string, any>}
 */
function isObject(v) {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks a whole content set: every lesson, ids unique, each topic used, enough practice, and
 * each lesson's place in its topic (`order`: needed in a set, used once per topic, so that a
 * lesson is never listed before the one it needs).
 * @param {Array<{ file: string, data: unknown }>} files lesson files (path and parsed JSON)
 * @returns {string[]} problems, each starting with the file it is in
 */
export function validateContent(files) {
	/** @type {string[]} */
	const errors = [];
	/** @type {Set<string>} */
	const topics = new Set();
	/** @type {Map<string, string>} "topic/order" → the file that took that place */
	const places = new Map();
	let withPractice = 0;
	for (const { file, data } of files) {
		const id = (file.split('/').pop() ?? '').replace(/\.json$/, '');
		for (const e of validateWalkthrough(data, id)) errors.push(`${file}: ${e}`);
		if (isObject(data)) {
			topics.add(String(data.topic));
			if (data.order === undefined) {
				errors.push(`${file}: order: needed, the lesson's place in its topic (1 = listed first)`);
			} else if (isOrder(data.order)) {
				const place = `${data.topic}/${data.order}`;
				const taken = places.get(place);
				if (taken) {
					errors.push(
						`${file}: order: ${data.order} is already used in topic ${data.topic} by ${taken}`
					);
				} else places.set(place, file);
			}
			const steps = Array.isArray(data.steps) ? data.steps : [];
			if (steps.some((s) => isObject(s) && s.practice)) withPractice++;
		}
	}
	if (files.length < 12) errors.push(`lessons: ${files.length} found, at least 12 are needed`);
	for (const t of TOPIC_IDS) if (!topics.has(t)) errors.push(`lessons: topic ${t} has no lesson`);
	if (withPractice < 8) errors.push(`lessons: ${withPractice} have practice steps, 8 are needed`);
	return errors;
}
