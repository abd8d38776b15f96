// Whether a written word is one Vietnamese syllable. The voice (espeak-ng, Vietnamese) reads a
// word that is not as English or letter by letter, so the content check uses this to find the
// words a lesson must give a spoken form ("Shopee", "NhaBacAn").
// A syllable is an onset, a rime (medial, vowel nucleus, final) and at most one tone mark.

/** Initial consonants, longest first so "ngh" is tried before "ng" and "n". */
const ONSETS = [
	'ngh',
	'ng',
	'gh',
	'gi',
	'kh',
	'nh',
	'ph',
	'qu',
	'th',
	'tr',
	'ch',
	'b',
	'c',
	'd',
	'đ',
	'g',
	'h',
	'k',
	'l',
	'm',
	'n',
	// "pin", "pê": loanwords written the Vietnamese way.
	'p',
	'r',
	's',
	't',
	'v',
	'x'
];

/**
 * Each nucleus (with its medial o/u, written) and the finals it takes: "-" is none, "a" is the
 * glide of "ia", "ua", "ưa", "uya". Written forms, tone marks removed.
 */
const NUCLEI = {
	a: '- c ch m n ng nh p t i o u y',
	ă: 'c m n ng p t',
	â: 'c m n ng p t u y',
	e: '- c m n ng p t o',
	ê: '- ch m n ng nh p t u',
	i: '- ch m n nh p t u a',
	iê: 'c m n ng p t u',
	y: '- ch n nh p t',
	yê: 'm n ng t u',
	o: '- c m n ng p t i',
	oo: 'c ng',
	ô: '- c m n ng p t i',
	ơ: '- m n p t i',
	u: '- c m n ng p t i a',
	uô: 'c m n ng t i',
	ư: '- c m n ng t i u a',
	ươ: 'c m n ng p t i u',
	oa: '- c ch m n ng nh p t i o y',
	oă: 'c m n ng t',
	oe: '- c m n p t o',
	uâ: 'n ng t y',
	uê: '- ch n nh u',
	uy: '- ch n nh p t u a',
	uyê: 'n t',
	uơ: '- n'
};

const RIMES = new Set(
	Object.entries(NUCLEI).flatMap(([nucleus, finals]) =>
		finals.split(' ').map((f) => (f === '-' ? nucleus : nucleus + f))
	)
);

/** Combining marks of the five tones: huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SAC_OR_NANG = /^[\u0301\u0323]$/;

/** Spelling rules between onset and rime ("ke" not "ce", "nghe" not "nge", "qua" not "qoa"). */
function spelledRight(/** @type {string} */ onset, /** @type {string} */ rime, unmarked = false) {
	const front = /^[eêiy]/.test(rime);
	switch (onset) {
		case 'c':
			return !front;
		case 'k':
			return front;
		case 'gh':
		case 'ngh':
			return /^[eêi]/.test(rime);
		case 'g':
			// "gì", "gìn": the i of "gi" is also the vowel.
			return !/^[eê]/.test(rime);
		case 'ng':
			return !/^[eêi]/.test(rime);
		case 'qu':
			// The medial is the u of "qu": "qua", "quê", "quyết", "quốc".
			// Without marks, the o may be the ô of "quốc".
			return !(unmarked ? /^u/ : /^[uưo]/).test(rime);
		default:
			return true;
	}
}

/**
 * Whether `word` (letters only, any case) is written as one Vietnamese syllable: "ba", "con",
 * "tin", "Nghệ", "quyết", "đường" are; "Shop", "Zalo", "OK", "app", "chip" (a final c, ch, p
 * or t takes the sắc or nặng tone: "chíp") are not.
 * @param {string} word
 * @returns {boolean}
 */
export function isVietnameseSyllable(word) {
	const decomposed = word.normalize('NFD').toLowerCase();
	const tones = decomposed.match(TONE_MARKS) ?? [];
	if (tones.length > 1) return false;
	const bare = decomposed.replace(TONE_MARKS, '').normalize('NFC');
	if (!/^[a-zđăâêôơư]+$/.test(bare)) return false;
	for (const onset of ['', ...ONSETS]) {
		if (!bare.startsWith(onset)) continue;
		const rime = bare.slice(onset.length);
		if (!RIMES.has(rime) || !spelledRight(onset, rime)) continue;
		// A syllable closed by a stop (c, ch, p, t) has the sắc or nặng tone.
		if (/[cpt]h?$/.test(rime) && !(tones.length === 1 && SAC_OR_NANG.test(tones[0]))) continue;
		return true;
	}
	return false;
}

/** @param {string} s */
const unmark = (s) =>
	s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd');
const UNMARKED_RIMES = new Set([...RIMES].map(unmark));
const UNMARKED_ONSETS = [...new Set(ONSETS.map(unmark))];

/**
 * Whether `word` could be a Vietnamese syllable written without its marks, as text messages
 * and signs in capitals often are: "CUC", "THUE" (Cục Thuế), "AN" could; "EVN", "ATM",
 * "BHYT" could not.
 * @param {string} word
 * @returns {boolean}
 */
export function isUnmarkedSyllable(word) {
	const bare = unmark(word.toLowerCase());
	if (!/^[a-z]+$/.test(bare)) return false;
	return ['', ...UNMARKED_ONSETS].some((onset) => {
		const rime = bare.slice(onset.length);
		return bare.startsWith(onset) && UNMARKED_RIMES.has(rime) && spelledRight(onset, rime, true);
	});
}
