/**
 * Turns the bytes of a ward's resident list into NFC text, whatever it was saved as: UTF-8
 * (with or without BOM), UTF-16 (BOM, or the zero bytes that betray it), Windows-1258
 * (base letters plus combining tone marks), TCVN3 ("ABC", .VnTime fonts) or VNI Windows
 * (VNI-Times fonts, vni.ts).
 */
import { fromVni, NOT_VNI } from './vni';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni';

export const ENCODING_LABELS: Record<Encoding, string> = {
	'utf-8': 'UTF-8',
	'utf-16le': 'UTF-16',
	'utf-16be': 'UTF-16 (BE)',
	'windows-1258': 'Windows-1258',
	tcvn3: 'TCVN3 (ABC)',
	vni: 'VNI Windows'
};

/** The encoding a form or an API client named, if it is one of ours; else undefined (guess). */
export function encodingNamed(value: unknown): Encoding | undefined {
	return typeof value === 'string' && Object.hasOwn(ENCODING_LABELS, value)
		? (value as Encoding)
		: undefined;
}

/** TCVN3 bytes 0xA1–0xFE (as Latin-1 code points) → Unicode; other bytes are ASCII. */
const TCVN3: Record<number, string> = {
	0xa1: 'Ă',
	0xa2: 'Â',
	0xa3: 'Ê',
	0xa4: 'Ô',
	0xa5: 'Ơ',
	0xa6: 'Ư',
	0xa7: 'Đ',
	0xa8: 'ă',
	0xa9: 'â',
	0xaa: 'ê',
	0xab: 'ô',
	0xac: 'ơ',
	0xad: 'ư',
	0xae: 'đ',
	0xb5: 'à',
	0xb8: 'á',
	0xb6: 'ả',
	0xb7: 'ã',
	0xb9: 'ạ',
	0xbb: 'ằ',
	0xbe: 'ắ',
	0xbc: 'ẳ',
	0xbd: 'ẵ',
	0xc6: 'ặ',
	0xc7: 'ầ',
	0xca: 'ấ',
	0xc8: 'ẩ',
	0xc9: 'ẫ',
	0xcb: 'ậ',
	0xcc: 'è',
	0xd0: 'é',
	0xce: 'ẻ',
	0xcf: 'ẽ',
	0xd1: 'ẹ',
	0xd2: 'ề',
	0xd5: 'ế',
	0xd3: 'ể',
	0xd4: 'ễ',
	0xd6: 'ệ',
	0xd7: 'ì',
	0xdd: 'í',
	0xd8: 'ỉ',
	0xdc: 'ĩ',
	0xde: 'ị',
	0xdf: 'ò',
	0xe3: 'ó',
	0xe1: 'ỏ',
	0xe2: 'õ',
	0xe4: 'ọ',
	0xe5: 'ồ',
	0xe8: 'ố',
	0xe6: 'ổ',
	0xe7: 'ỗ',
	0xe9: 'ộ',
	0xea: 'ờ',
	0xed: 'ớ',
	0xeb: 'ở',
	0xec: 'ỡ',
	0xee: 'ợ',
	0xef: 'ù',
	0xf3: 'ú',
	0xf1: 'ủ',
	0xf2: 'ũ',
	0xf4: 'ụ',
	0xf5: 'ừ',
	0xf8: 'ứ',
	0xf6: 'ử',
	0xf7: 'ữ',
	0xf9: 'ự',
	0xfa: 'ỳ',
	0xfd: 'ý',
	0xfb: 'ỷ',
	0xfc: 'ỹ',
	0xfe: 'ỵ'
};

export function decodeTcvn3(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : (TCVN3[b] ?? '\ufffd');
	return out;
}

/** Text whose characters are TCVN3 bytes (see legacyFontOf) as the letters they stand for. */
function fromTcvn3Font(text: string): string {
	let out = '';
	for (const c of text) out += TCVN3[c.charCodeAt(0)] ?? c;
	return out.normalize('NFC');
}

/** The old fonts a spreadsheet's Vietnamese may have been typed in, by their encoding. */
export type LegacyFont = 'tcvn3' | 'vni';
const FROM_FONT: Record<LegacyFont, (text: string) => string> = {
	tcvn3: fromTcvn3Font,
	vni: fromVni
};

/** A character above U+00FF: not what a spreadsheet makes of one byte per letter. */
const BEYOND_ONE_BYTE = /[\u0100-\u{10ffff}]/u;

/**
 * The old font a table's text was typed in, if any: TCVN3 (.VnTime, .VnArial) or VNI
 * (VNI-Times). The spreadsheet stored each of the font's bytes as the Western letter of that
 * code ("NguyÔn V¨n An" in TCVN3, "Nguyeãn Vaên An" in VNI, for "Nguyễn Văn An"), and an
 * .xlsx or a UTF-8 CSV saved from it keeps those letters. Many wards' lists were typed so.
 *
 * Only cells with Western letters and nothing above U+00FF could be either; a cell holding
 * any letter above was typed in Unicode and is never turned. The font is the one that, in
 * more of those cells than not, reads as Vietnamese where the cell as it is does not. TCVN3
 * and VNI often both do (their small letters overlap); VNI never uses U+00A1–U+00BF, which
 * TCVN3 needs for most letters with a tone (à á ả ã ạ, ă â ê ô ơ ư đ), so their presence
 * anywhere in the table says TCVN3, their absence VNI.
 */
export function legacyFontOf(rows: string[][]): LegacyFont | null {
	const cells = rows.flat().filter((c) => /[\u0080-\u00ff]/.test(c) && !BEYOND_ONE_BYTE.test(c));
	const font: LegacyFont = cells.some((c) => NOT_VNI.test(c)) ? 'tcvn3' : 'vni';
	let turned = 0;
	let kept = 0;
	for (const cell of cells) {
		const asIs = oddness(cell);
		const read = oddness(FROM_FONT[font](cell));
		if (read < asIs) turned++;
		else if (asIs < read) kept++;
	}
	return turned > kept ? font : null;
}

/** The table with its cells typed in that font (legacyFontOf) turned into Unicode letters. */
export function undoLegacyFont(rows: string[][], font: LegacyFont): string[][] {
	return rows.map((row) =>
		row.map((cell) => (BEYOND_ONE_BYTE.test(cell) ? cell : FROM_FONT[font](cell)))
	);
}

/** Unicode → TCVN3 bytes (for tests and for anyone who must send a list back). */
export function encodeTcvn3(text: string): Uint8Array {
	const reverse = new Map(Object.entries(TCVN3).map(([b, c]) => [c, Number(b)]));
	return Uint8Array.from(
		// A capital with a tone mark is not in TCVN3: typed in .VnTime it is its small letter.
		[...text.normalize('NFC')].map(
			(c) => reverse.get(c) ?? reverse.get(c.toLocaleLowerCase('vi')) ?? c.charCodeAt(0) & 0x7f
		)
	);
}

/** Letters Vietnamese writes with, after NFC: what a right decoding mostly produces. */
const VIETNAMESE =
	/[a-zA-Z0-9\s.,;:'"()/\-\u00c0-\u00c3\u00c8-\u00ca\u00cc\u00cd\u00d2-\u00d5\u00d9\u00da\u00dd\u00e0-\u00e3\u00e8-\u00ea\u00ec\u00ed\u00f2-\u00f5\u00f9\u00fa\u00fd\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u;

function oddness(text: string): number {
	let odd = 0;
	for (const c of text) if (!VIETNAMESE.test(c)) odd++;
	return odd;
}

export function decodeText(
	bytes: Uint8Array,
	forced?: Encoding
): { text: string; encoding: Encoding } {
	const decode = (encoding: Encoding): string => {
		if (encoding === 'tcvn3') return decodeTcvn3(bytes);
		if (encoding === 'vni') return fromVni(new TextDecoder('windows-1252').decode(bytes));
		return new TextDecoder(encoding).decode(bytes);
	};
	const done = (encoding: Encoding) => ({
		text: decode(encoding)
			.replace(/^\ufeff/, '')
			.normalize('NFC'),
		encoding
	});
	if (forced) return done(forced);
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return done('utf-8');
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return done('utf-16le');
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return done('utf-16be');
	// UTF-16 without a BOM: ASCII text leaves every other byte zero.
	const sample = bytes.subarray(0, 400);
	let zeroEven = 0;
	let zeroOdd = 0;
	sample.forEach((b, i) => {
		if (b !== 0) return;
		if (i % 2) zeroOdd++;
		else zeroEven++;
	});
	if (zeroOdd > sample.length / 4) return done('utf-16le');
	if (zeroEven > sample.length / 4) return done('utf-16be');
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return done('utf-8');
	} catch {
		// Not UTF-8: one of the legacy 8-bit encodings. Windows-1258's tone marks combine,
		// TCVN3's bytes are letters, VNI's marks follow their letters. TCVN3 and VNI read much
		// alike, and a byte VNI never uses (0xA1–0xBF) tells them apart (legacyFontOf). Then
		// whichever reads more like Vietnamese than Windows-1258, which wins a tie.
		const cp = done('windows-1258');
		const font = done(bytes.some((b) => b >= 0xa1 && b <= 0xbf) ? 'tcvn3' : 'vni');
		return oddness(font.text) < oddness(cp.text) ? font : cp;
	}
}
