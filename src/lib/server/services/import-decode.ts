/**
 * Turns the bytes of a ward's resident list into NFC text, whatever it was saved as: UTF-8
 * (with or without BOM), UTF-16 (BOM, or the zero bytes that betray it), Windows-1258
 * (base letters plus combining tone marks) or TCVN3 ("ABC", .VnTime fonts).
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3';

export const ENCODING_LABELS: Record<Encoding, string> = {
	'utf-8': 'UTF-8',
	'utf-16le': 'UTF-16',
	'utf-16be': 'UTF-16 (BE)',
	'windows-1258': 'Windows-1258',
	tcvn3: 'TCVN3 (ABC)'
};

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

/** Text whose characters are TCVN3 bytes (see readsAsTcvn3Font) as the letters they stand for. */
function fromTcvn3Font(text: string): string {
	let out = '';
	for (const c of text) out += TCVN3[c.charCodeAt(0)] ?? c;
	return out.normalize('NFC');
}

/** A character above U+00FF: not what a spreadsheet makes of one byte per letter. */
const BEYOND_ONE_BYTE = /[\u0100-\u{10ffff}]/u;

/**
 * Whether a table's text was typed in a TCVN3 font (.VnTime, .VnArial): the spreadsheet
 * stored each TCVN3 byte as the Western letter of that code ("NguyÔn V¨n An" for "Nguyễn
 * Văn An"), and an .xlsx or a UTF-8 CSV saved from it keeps those letters. Many wards' lists
 * were typed so. It is, when more of the cells that could be either read as Vietnamese
 * turned into TCVN3 letters than as they are; a cell holding any letter above U+00FF was
 * typed in Unicode and is never turned.
 */
export function readsAsTcvn3Font(rows: string[][]): boolean {
	let tcvn3 = 0;
	let unicode = 0;
	for (const row of rows) {
		for (const cell of row) {
			if (!/[\u0080-\u00ff]/.test(cell) || BEYOND_ONE_BYTE.test(cell)) continue;
			const asIs = oddness(cell);
			const turned = oddness(fromTcvn3Font(cell));
			if (turned < asIs) tcvn3++;
			else if (asIs < turned) unicode++;
		}
	}
	return tcvn3 > unicode;
}

/** The table with its TCVN3-font cells (readsAsTcvn3Font) turned into Unicode letters. */
export function undoTcvn3Font(rows: string[][]): string[][] {
	return rows.map((row) =>
		row.map((cell) => (BEYOND_ONE_BYTE.test(cell) ? cell : fromTcvn3Font(cell)))
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
		// Not UTF-8: one of the legacy 8-bit encodings. Pick the one whose text looks most
		// like Vietnamese (Windows-1258's tone marks combine; TCVN3's bytes are letters).
		const cp = done('windows-1258');
		const abc = done('tcvn3');
		return oddness(abc.text) < oddness(cp.text) ? abc : cp;
	}
}
