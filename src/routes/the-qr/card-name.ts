/**
 * How large a name prints on an 85.6 × 54 mm card. Beside the QR the text has about 43 mm of
 * width and room for four lines of 14 pt: a longer name (up to the 100 characters a name may
 * have, "Công Tôn Nữ Thị …") ran out of the card's bottom and was cut, with the line that says
 * what to do with a lost card. A long name prints smaller, always whole.
 */
export type CardNameSize = 'normal' | 'long' | 'longest';

/** Up to this many characters a name fits in four lines of 14 pt (a word may not split). */
const NORMAL_MAX = 32;
/** Up to this many, in five lines of 11 pt; longer ones (to 100) in six of 9 pt. */
const LONG_MAX = 60;

export function cardNameSize(fullName: string): CardNameSize {
	const length = [...fullName.normalize('NFC')].length;
	if (length <= NORMAL_MAX) return 'normal';
	return length <= LONG_MAX ? 'long' : 'longest';
}
