/** Unicode NFC: the one form in which we store and compare Vietnamese text. */
export function nfc(text: string): string {
	return text.normalize('NFC');
}

/**
 * Folds Vietnamese for search: lower case, no tone marks or diacritics, đ → d, single spaces.
 * "Nguyễn Văn" and "nguyen  van" both fold to "nguyen van".
 */
export function foldVietnamese(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/** One word of a name search: folded, to find names; as typed (lower case), to rank them. */
export interface SearchWord {
	folded: string;
	typed: string;
}

/**
 * The words of a typed name search, at most six: each folded to a-z and 0-9 ("thử" → "thu"),
 * and as typed, lower case, without punctuation ("thử"), so a name with the same diacritics
 * can come first. A word with no letter or digit left is dropped.
 */
export function searchWords(q: string): SearchWord[] {
	return nfc(q)
		.toLocaleLowerCase('vi')
		.split(/\s+/)
		.map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
		.map((typed) => ({ typed, folded: foldVietnamese(typed).replace(/[^a-z0-9]/g, '') }))
		.filter((word) => word.folded)
		.slice(0, 6);
}

/** Collapses runs of white space and trims; the cleaning every typed name gets. */
export function cleanText(text: string): string {
	return nfc(text).replace(/\s+/g, ' ').trim();
}

// One collator for the app: Vietnamese letter order (a < ă < â, d < đ), and digits read as
// numbers, so "Số 21" comes before "Số 175". Built once: constructing one costs more than
// sorting a khu phố with it.
const VI_NATURAL = new Intl.Collator('vi', { numeric: true });

/** Orders Vietnamese text as a person would: by letter, numbers by their value. */
export function compareVietnamese(a: string, b: string): number {
	return VI_NATURAL.compare(a, b);
}
