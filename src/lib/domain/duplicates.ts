import { cleanText, foldVietnamese, otherToneSpelling } from './text';

/**
 * Whether a name is written without a single diacritic: typed on a keyboard without them, or
 * kept by an old system that dropped them ("Do Thi Huong"). Such a name cannot tell Hương
 * from Hường, so it may be either.
 */
export function withoutDiacritics(name: string): boolean {
	return !/[\u0300-\u036f]/.test(name.normalize('NFD')) && !/[đĐ]/.test(name);
}

/**
 * A name as written, for comparing: NFC, lower case, single spaces, and the tone of a word in
 * oa/oe/uy put on one agreed vowel, since Vietnamese writes it on either (Thuỷ and Thủy, Hoà
 * and Hòa are one name, on identity cards too; see otherToneSpelling).
 */
function asWritten(name: string): string {
	return cleanText(name)
		.toLocaleLowerCase('vi')
		.split(' ')
		.map((word) => {
			const other = otherToneSpelling(word);
			return other !== undefined && other < word ? other : word;
		})
		.join(' ');
}

/**
 * Whether two names are likely the same person's name: the same letters once diacritics are
 * folded away, and either one of them has no diacritics at all (it may be the other one,
 * written without), or both are written alike but for case. The tones are part of a name:
 * "Đỗ Thị Hương" and "Đỗ Thị Hường" are two people, "Do Thi Huong" may be either.
 */
export function likelySameName(a: string, b: string): boolean {
	if (foldVietnamese(a) !== foldVietnamese(b)) return false;
	return withoutDiacritics(a) || withoutDiacritics(b) || asWritten(a) === asWritten(b);
}

/** What the duplicate rule looks at in a person. */
export interface PersonKey {
	/** The household: its id, or for one not stored yet its khu phố and folded address. */
	household: number | string;
	birthYear: number;
	fullName: string;
}

/**
 * The likely-duplicate rule within one household (an import's rows, and its op on replay):
 * same household, same birth year, and names that are likely the same (likelySameName). A
 * person added or corrected by hand is asked about across the whole khu phố, by the same
 * likelySameName (services/residents.ts duplicateOf). A likely duplicate is flagged or refused, never
 * silently stored twice; a person who really is another can still be added on purpose
 * (`allowDuplicate`).
 */
export function likelyDuplicate(a: PersonKey, b: PersonKey): boolean {
	return (
		a.household === b.household &&
		a.birthYear === b.birthYear &&
		likelySameName(a.fullName, b.fullName)
	);
}
