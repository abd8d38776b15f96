/**
 * QR card codes: opaque and random (≥ 128 bits), nothing personal, and no look-alike
 * characters (no 0/O, 1/I/L) so a code read aloud or typed by hand is unambiguous.
 * Upper case and digits keep the QR in its compact alphanumeric mode.
 */
export const CARD_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CARD_PREFIX = 'THS';
/** 31^26 > 2^128. */
export const CARD_DIGITS = 26;
const CARD_PATTERN = new RegExp(`^${CARD_PREFIX}[${CARD_ALPHABET}]{${CARD_DIGITS}}$`);
const CODE_AT_END = new RegExp(`${CARD_PREFIX}[${CARD_ALPHABET}]{${CARD_DIGITS}}\\s*$`, 'i');

/** Makes a code from ≥ 17 random bytes (the caller supplies them: crypto, or a seed). */
export function cardCodeFromBytes(bytes: Uint8Array): string {
	if (bytes.length < 17) throw new Error('card codes need at least 17 random bytes');
	let n = 0n;
	for (const byte of bytes) n = (n << 8n) | BigInt(byte);
	let digits = '';
	for (let i = 0; i < CARD_DIGITS; i++) {
		digits += CARD_ALPHABET[Number(n % 31n)];
		n /= 31n;
	}
	return CARD_PREFIX + digits;
}

/** What a scanner or a keyboard wedge may add around a code: spaces, lower case. */
export function normaliseCardCode(raw: string): string {
	return raw.trim().toUpperCase();
}

export function isWellFormedCardCode(code: string): boolean {
	return CARD_PATTERN.test(code);
}

/**
 * A code a USB scanner typed at the end of other text: a scanner is a keyboard, and when a
 * text box has the focus (the name search, half-typed) the code lands after what was there.
 * Gives the code and the text before it, or null when the text does not end in a code.
 */
export function splitTrailingCardCode(text: string): { before: string; code: string } | null {
	const match = CODE_AT_END.exec(text);
	if (!match) return null;
	return { before: text.slice(0, match.index), code: normaliseCardCode(match[0]) };
}
