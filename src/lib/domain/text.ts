/** Unicode NFC: the one form in which we store and compare Vietnamese text. */
export function nfc(text: string): string {
	return text.normalize('NFC');
}

/**
 * The apostrophe of Ê Đê, Gia Rai and K'Ho names (H'Hen, Y'Moan, K'Bing) as phones and
 * keyboards type it: the straight one, the curly ’ an iPhone types by default, and the
 * look-alikes ‘ ʼ ʻ ´ ` ′ ＇.
 */
const APOSTROPHES = /['\u2019\u2018\u02bc\u02bb\u00b4`\u2032\uff07]/g;

/** Every apostrophe look-alike as the straight ' (a name is stored with that one). */
export function straightApostrophes(text: string): string {
	return text.replace(APOSTROPHES, "'");
}

/**
 * Folds Vietnamese for search and for comparing names: lower case, no tone marks or
 * diacritics, đ → d, single spaces. "Nguyễn Văn" and "nguyen  van" both fold to "nguyen van".
 * Compatibility forms fold too (NFKD, not NFD: full-width "Ｋ" is "K", "Ⅻ" is "XII"): a
 * look-alike is the same name to the person who reads it in a list. An apostrophe parts
 * words ("H'Hen Niê" is "h hen nie"), so "Hen" finds her as a word of her name, and "H’Hen"
 * typed with any apostrophe finds her too (searchWords parts the words typed alike).
 */
export function foldVietnamese(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(APOSTROPHES, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** One word of a name search: folded, to find names; as typed (lower case), to rank them. */
export interface SearchWord {
	folded: string;
	typed: string;
	/** `typed` and, for oa/oe/uy, its other accepted spelling ("thuỷ" and "thủy"). */
	spellings: string[];
}

// The five tone marks (grave, acute, tilde, hook above, dot below), in NFD. Other marks (ă's
// breve, â's circumflex, ơ's horn) belong to the letter and never move.
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

/**
 * The other spelling of a word ending in oa, oe or uy: Vietnamese writes the tone on either
 * vowel there ("hoà" and "hòa", "khoẻ" and "khỏe", "thuỷ" and "thủy"), and both are in use, on
 * identity cards too. A name stored one way must rank first when typed the other way. "qu" is
 * a consonant, so "quý" has one spelling; with a final consonant ("hoàng") there is one too.
 */
export function otherToneSpelling(word: string): string | undefined {
	const letters = word.normalize('NFD');
	const tone = TONE.exec(letters);
	if (!tone) return undefined;
	const bare = letters.replace(TONE, '');
	const pair = /(?:^|[^q])(o[ae]|uy)$/i.exec(bare);
	if (!pair) return undefined;
	const first = bare.length - 2;
	// The mark sits right after the vowel it is on: after the first of the two, or at the end.
	const onFirst = tone.index === first + 1;
	if (!onFirst && tone.index !== letters.length - 1) return undefined;
	const moved = onFirst
		? bare + tone[0]
		: bare.slice(0, first + 1) + tone[0] + bare.slice(first + 1);
	return moved.normalize('NFC');
}

/**
 * The words of a typed name search, at most six: each folded to a-z and 0-9 ("thử" → "thu"),
 * and as typed, lower case, without punctuation ("thử"), so a name with the same diacritics
 * can come first (in either spelling of oa/oe/uy). A word with no letter or digit left is dropped.
 * An apostrophe parts words, as in the stored folded name (foldVietnamese): "h'hen" is "h hen".
 */
export function searchWords(q: string): SearchWord[] {
	return nfc(q)
		.toLocaleLowerCase('vi')
		.replace(APOSTROPHES, ' ')
		.split(/\s+/)
		.map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
		.map((typed) => ({
			typed,
			folded: foldVietnamese(typed).replace(/[^a-z0-9]/g, ''),
			spellings: [typed, otherToneSpelling(typed) ?? []].flat()
		}))
		.filter((word) => word.folded)
		.slice(0, 6);
}

// Characters that show nothing but are kept and compared: control codes, format characters
// (zero-width space and joiners, bidi overrides that turn text around, BOM, soft hyphen) and
// lone surrogate halves. Vietnamese needs none of them: a field of "\u200b\u200b\u200b" is empty.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/**
 * Full-width letters, digits and punctuation ("Ｋhu phố １１"), which some IMEs type, as the
 * ASCII they stand for; the ideographic space is white space already. Only these: NFKC as a
 * whole would also rewrite "½" or "²" in an address, which people mean as written.
 */
function narrow(text: string): string {
	return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The cleaning every typed name and line gets: white space runs become one space, invisible
 * characters go, full-width ASCII becomes ASCII, ends are trimmed, and the result is NFC
 * (after the removal: a zero-width space between a letter and its tone mark kept them from
 * composing).
 */
export function cleanText(text: string): string {
	const visible = text.replace(/\s+/g, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ');
	return nfc(narrow(visible)).trim();
}

// One collator for the app: Vietnamese letter order (a < ă < â, d < đ), and digits read as
// numbers, so "Số 21" comes before "Số 175". Built once: constructing one costs more than
// sorting a khu phố with it.
const VI_NATURAL = new Intl.Collator('vi', { numeric: true });

/** Orders Vietnamese text as a person would: by letter, numbers by their value. */
export function compareVietnamese(a: string, b: string): number {
	return VI_NATURAL.compare(a, b);
}
