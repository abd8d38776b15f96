// Names of pre-made narration clips. A clip is named by a hash of what it says (after
// numbers are turned into words) and of the voice settings, so editing a sentence makes a new
// clip and unchanged sentences keep theirs: `npm run voice:build` only makes the missing ones.
import { sentences, speakable } from './speakable.js';

/** Changing the voice or its settings renames (and so regenerates) every clip. */
export const VOICE_ID = 'espeak-ng:vi:s145:opus14';
export const CLIP_DIR = '/voice/gen';

/**
 * Two 32-bit FNV-1a hashes with different seeds: 16 hex characters, the same in Node and the
 * browser without async crypto (collisions are negligible for a few thousand sentences).
 * @param {string} text
 */
export function textHash(text) {
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ 0x5bd1e995;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x01000193 + 2 * 0x10000);
	}
	return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * The clip for one sentence.
 * @param {string} sentence
 * @param {Record<string, string>} [words] the lesson's `sayAs`
 * @returns {{ name: string, url: string, spoken: string }}
 */
export function clipFor(sentence, words) {
	const spoken = speakable(sentence, words);
	const name = `${textHash(`${VOICE_ID}|${spoken}`)}.opus`;
	return { name, url: `${CLIP_DIR}/${name}`, spoken };
}

/**
 * The clips, sentence by sentence, that say a text.
 * @param {string} text
 * @param {Record<string, string>} [words] the lesson's `sayAs`, for its names
 */
export function clipsFor(text, words) {
	return sentences(text).map((s) => clipFor(s, words));
}
