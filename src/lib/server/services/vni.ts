/**
 * VNI Windows, the other old Vietnamese font encoding (VNI-Times and the other VNI- fonts,
 * long the usual ones in the South). A letter is its base letter followed by a one-byte mark,
 * both Western letters to anything that is not a VNI font: "Nguyeãn Vaên Ñaït" is "Nguyễn Văn
 * Đạt". Only bytes 0xC0–0xFF carry marks; a few letters are one byte (ơ ư đ, and i's tones).
 */

/** The marks after a base vowel, in the order: none, sắc, huyền, hỏi, ngã, nặng. */
const TONES = ['', 'ù', 'ø', 'û', 'õ', 'ï'];
const CIRCUMFLEX_TONES = ['â', 'á', 'à', 'å', 'ã', 'ä'];
const BREVE_TONES = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];
/** Unicode's combining tone marks, the same order. */
const COMBINING = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

/** Each Vietnamese vowel (small), how VNI writes it with each tone. */
const VOWELS: Array<[string, string[]]> = [
	['a', TONES.map((t) => `a${t}`)],
	['â', CIRCUMFLEX_TONES.map((t) => `a${t}`)],
	['ă', BREVE_TONES.map((t) => `a${t}`)],
	['e', TONES.map((t) => `e${t}`)],
	['ê', CIRCUMFLEX_TONES.map((t) => `e${t}`)],
	['o', TONES.map((t) => `o${t}`)],
	['ô', CIRCUMFLEX_TONES.map((t) => `o${t}`)],
	['ơ', TONES.map((t) => `ô${t}`)],
	['u', TONES.map((t) => `u${t}`)],
	['ư', TONES.map((t) => `ö${t}`)],
	['i', ['i', 'í', 'ì', 'æ', 'ó', 'ò']],
	['y', ['y', 'yù', 'yø', 'yû', 'yõ', 'î']]
];

/** VNI's spelling → the Unicode letter, small and capital ("aù" → "á", "AÙ" → "Á"). */
const FROM_VNI = new Map<string, string>([
	['ñ', 'đ'],
	['Ñ', 'Đ']
]);
for (const [vowel, spellings] of VOWELS) {
	spellings.forEach((vni, tone) => {
		const letter = (vowel + COMBINING[tone]).normalize('NFC');
		// The plain vowels spell themselves: nothing to turn.
		if (vni === letter) return;
		FROM_VNI.set(vni, letter);
		FROM_VNI.set(vni.toUpperCase(), letter.toUpperCase());
	});
}

/** Text typed in a VNI font, one character per byte, as Unicode letters (NFC). */
export function fromVni(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const two = FROM_VNI.get(text.slice(i, i + 2));
		if (two !== undefined) {
			out += two;
			i++;
		} else {
			out += FROM_VNI.get(text[i]) ?? text[i];
		}
	}
	return out.normalize('NFC');
}

/** VNI never uses bytes 0xA1–0xBF, which TCVN3 needs for most of its letters. */
export const NOT_VNI = /[\u00a1-\u00bf]/;

/** Unicode → text as a VNI font holds it (for tests, and to make a list in VNI). */
export function toVni(text: string): string {
	const reverse = new Map([...FROM_VNI].map(([vni, letter]) => [letter, vni]));
	return [...text.normalize('NFC')].map((c) => reverse.get(c) ?? c).join('');
}
