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

/** Collapses runs of white space and trims; the cleaning every typed name gets. */
export function cleanText(text: string): string {
	return nfc(text).replace(/\s+/g, ' ').trim();
}
