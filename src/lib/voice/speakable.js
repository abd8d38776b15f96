// Turns lesson text into what a voice should say: numbers and money as Vietnamese words
// (Northern usage: "nghìn", "linh", "tư"), codes digit by digit, links as "đường link".
// Plain JavaScript so the offline audio builder (bare Node) and the browser share it.
import { isUnmarkedSyllable, isVietnameseSyllable } from './syllable.js';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUPS = ['', 'nghìn', 'triệu', 'tỷ'];

/**
 * Reads a three-digit group. `full` says a higher group came before, so a short group is
 * read in full ("một nghìn không trăm linh năm").
 * @param {number} n 0–999
 * @param {boolean} full
 */
function readGroup(n, full) {
	const h = Math.floor(n / 100);
	const t = Math.floor((n % 100) / 10);
	const u = n % 10;
	/** @type {string[]} */
	const words = [];
	if (h > 0 || full) words.push(DIGITS[h], 'trăm');
	if (t === 0) {
		if (u > 0 && words.length > 0) words.push('linh');
	} else if (t === 1) {
		words.push('mười');
	} else {
		words.push(DIGITS[t], 'mươi');
	}
	if (u > 0) {
		if (u === 1 && t > 1) words.push('mốt');
		else if (u === 5 && t > 0) words.push('lăm');
		else if (u === 4 && t > 1) words.push('tư');
		else words.push(DIGITS[u]);
	}
	return words.join(' ');
}

/**
 * A whole number in Vietnamese words: 1250000 → "một triệu hai trăm năm mươi nghìn".
 * @param {number} value a non-negative integer
 * @returns {string}
 */
export function numberToWords(value) {
	if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`cannot read ${value}`);
	if (value === 0) return 'không';
	if (value >= 1e9) {
		// "tỷ" repeats above a billion: 2.000.000.000.000 → "hai nghìn tỷ".
		const high = Math.floor(value / 1e9);
		const low = value % 1e9;
		return [numberToWords(high), 'tỷ', low > 0 ? readBelowBillion(low, true) : '']
			.filter(Boolean)
			.join(' ');
	}
	return readBelowBillion(value, false);
}

/**
 * @param {number} value below 1e9
 * @param {boolean} full a higher part came before
 */
function readBelowBillion(value, full) {
	/** @type {number[]} */
	const groups = [];
	for (let v = value; v > 0; v = Math.floor(v / 1000)) groups.push(v % 1000);
	/** @type {string[]} */
	const words = [];
	for (let i = groups.length - 1; i >= 0; i--) {
		const g = groups[i];
		if (g === 0) continue;
		const higherBefore = full || words.length > 0;
		words.push(readGroup(g, higherBefore && g < 100));
		if (GROUPS[i]) words.push(GROUPS[i]);
	}
	return words.join(' ');
}

/** @param {string} digits */
function spellDigits(digits) {
	return digits
		.split('')
		.map((d) => DIGITS[Number(d)])
		.join(' ');
}

/**
 * Names of Latin letters as a Vietnamese listener says them inside a code or an acronym
 * ("EVN" → "e vê en", "ATM" → "a tê em"): the short names used for acronyms, not the
 * school ones ("en nờ", "ét xì").
 */
const LETTERS = {
	A: 'a',
	B: 'bê',
	C: 'xê',
	D: 'dê',
	Đ: 'đê',
	E: 'e',
	F: 'ép',
	G: 'giê',
	H: 'hát',
	I: 'i',
	J: 'gi',
	K: 'ca',
	L: 'e lờ',
	M: 'em',
	N: 'en',
	O: 'o',
	P: 'pê',
	Q: 'quy',
	R: 'e rờ',
	S: 'ét',
	T: 'tê',
	U: 'u',
	V: 'vê',
	W: 'vê kép',
	X: 'ích',
	Y: 'i',
	Z: 'dét'
};

/** @param {string} letters capitals */
function spellLetters(letters) {
	return letters
		.split('')
		.map((c) => LETTERS[/** @type {keyof typeof LETTERS} */ (c)] ?? c)
		.join(' ');
}

/**
 * Words a Vietnamese voice would mangle (espeak switches to English for them, or spells
 * "BHYT" as one syllable), written as Vietnamese listeners say them. Acronyms match in
 * capitals only; loanwords in any case. Longer names first. Only words of the kiosk's
 * subject belong here: a name one lesson makes up (a fake sender, a Wi-Fi name) is spoken as
 * that lesson's `sayAs` says.
 * @type {Array<[string, string, boolean?]>} [written, said, any case]
 */
export const SAID_AS = [
	['Smart OTP', 'xờ mát ô tê pê'],
	['CH Play', 'xê hát pờ lây'],
	['App Store', 'áp xờ to'],
	['VNeID', 'vê nê ai đi'],
	['VssID', 'vê ét ét ai đi'],
	['OTP', 'ô tê pê'],
	['QR', 'kiu a'],
	['PIN', 'pin'],
	['SIM', 'sim'],
	['OK', 'ô kê'],
	['BHYT', 'bảo hiểm y tế'],
	['BHXH', 'bảo hiểm xã hội'],
	['UBND', 'uỷ ban nhân dân'],
	['CCCD', 'căn cước công dân'],
	['KP', 'khu phố'],
	['VNĐ', 'việt nam đồng'],
	['VND', 'việt nam đồng'],
	['Wi-Fi', 'oai phai', true],
	['WiFi', 'oai phai', true],
	['Android', 'an đờ roi', true],
	['iPhone', 'ai phôn', true],
	['Zalo', 'da lô', true],
	['Facebook', 'phây búc', true],
	['Google', 'gu gồ', true],
	['passcode', 'pát cốt', true],
	['video', 'vi đê ô', true],
	['camera', 'ca mê ra', true],
	['online', 'on lai', true],
	['email', 'i meo', true],
	['shipper', 'síp pơ', true],
	['shop', 'sốp', true],
	['link', 'linh', true],
	['web', 'oép', true],
	['app', 'áp', true],
	['chip', 'chíp', true]
];

/**
 * A whole word or name as written ("Wi-Fi" also without its hyphen).
 * @param {string} written
 * @param {boolean} [anyCase]
 */
function wordPattern(written, anyCase) {
	const escaped = written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('-', '-?');
	return new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, anyCase ? 'giu' : 'gu');
}

/** @type {Array<[RegExp, string]>} */
const WORDS = SAID_AS.map(([written, said, anyCase]) => [wordPattern(written, anyCase), said]);

/**
 * Capitals not named in a table, spelled letter by letter ("EVN" → "e vê en"). One place for
 * the rule: `foreignWords` looks for Vietnamese words that it would spell.
 */
const ACRONYM = /(?<![\p{L}\d])[A-ZĐ]{2,6}(?![\p{L}\d])/gu;

/**
 * Says the names of a text: first the lesson's own (`sayAs`, as written, longest first), then
 * the general table.
 * @param {string} s
 * @param {Record<string, string>} [words] a lesson's `sayAs`
 */
function sayNames(s, words = {}) {
	const own = Object.entries(words).sort(([a], [b]) => b.length - a.length);
	for (const [written, said] of own) s = s.replace(wordPattern(written), said);
	for (const [re, said] of WORDS) s = s.replace(re, said);
	return s;
}

/** @type {Record<string, string>} */
const PLACES = {
	TP: 'thành phố',
	Tp: 'thành phố',
	TX: 'thị xã',
	TT: 'thị trấn',
	P: 'phường',
	Q: 'quận'
};

/** Month and weekday numbers said with "tư" for 4: "tháng tư", "thứ tư"; "thứ nhất". */
function ordinal(/** @type {string} */ word, /** @type {string} */ n) {
	const v = Number(n);
	if (v === 4) return `${word} tư`;
	if (v === 1 && word.toLowerCase() === 'thứ') return `${word} nhất`;
	return `${word} ${numberToWords(v)}`;
}

/** @param {string} m a month number */
function month(m) {
	return ordinal('tháng', m);
}

/**
 * A phone number as people read one out: digit by digit, with a pause between the groups
 * it is printed in ("0912 345 678" → "không chín một hai, ba bốn năm, sáu bảy tám"). An
 * unbroken one is grouped 4-3-3.
 * @param {string} m
 */
function readPhone(m) {
	const digits = m.replace(/\D/g, '').length;
	if (digits < 9 || digits > 12) return m;
	let groups = m.split(/[ .]/).filter(Boolean);
	let lead = '';
	if (groups[0].startsWith('+84')) {
		lead = 'cộng tám tư, ';
		groups[0] = groups[0].slice(3);
		groups = groups.filter(Boolean);
	}
	if (groups.length === 1 && groups[0].length >= 10) {
		const g = groups[0];
		groups = [g.slice(0, g.length - 6), g.slice(-6, -3), g.slice(-3)];
	}
	return lead + groups.map(spellDigits).join(', ');
}

/**
 * What the voice says for a piece of lesson text.
 * - "100.000 đ" / "356.400đ" → "một trăm nghìn đồng", "ba trăm năm mươi sáu nghìn bốn trăm đồng"
 * - "10 triệu" stays words around "mười"; "12 số" → "mười hai số"; "20%" → "hai mươi phần trăm"
 * - phone numbers ("0912 000 111", "0912.000.111", "+84 …", "1900 …", "gọi 113") and codes
 *   ("PA03") are read digit by digit, letters by their Vietnamese names, pausing between groups
 * - dates "15/11" → "mười lăm tháng mười một"; "10/2026" → "tháng mười năm hai nghìn không trăm hai mươi sáu";
 *   "tháng 4", "thứ 4" → "tháng tư", "thứ tư"; times "08:05", "8h30" → "tám giờ năm phút"
 * - English names and acronyms as Vietnamese say them ("VNeID" → "vê nê ai đi", "OTP" → "ô tê pê")
 * - web addresses become "một đường linh" (how "link" is said)
 * - a lesson's own names as its `sayAs` says ("NhaBacAn" → "Nhà Bác An")
 * @param {string} text
 * @param {Record<string, string>} [words] the lesson's `sayAs`: written → said
 * @returns {string}
 */
export function speakable(text, words) {
	// Lessons print curly quotes; the voice says them as straight ones, so a clip made before
	// the quotes were curled keeps its name.
	let s = text.normalize('NFC').replace(/[“”]/g, '"');
	s = s.replace(
		/(?:\bhttps?:\/\/)?\b[\w-]+(\.[\w-]+)*\.(example|online|vn|com|net|org)\b(?:\/[^\s]*[^\s.,!?;:)])?/gi,
		'một đường link'
	);
	// Asides in brackets and arrows between screens: a pause a listener can hear.
	s = s.replace(/\s*\(\s*/g, ', ').replace(/\s*\)/g, ',');
	s = s.replace(/\s*→\s*/g, ', rồi ').replace(/\s*&\s*/g, ' và ');
	s = s.replace(/,\s*([.,!?;:…])/g, '$1').replace(/^[\s,]+/, '');
	// Money in "VNĐ" is said "đồng" like "đ" (before the acronyms are spelled out).
	s = s.replace(/(\d)\s?(?:VNĐ|VND)(?![\p{L}])/gu, '$1 đồng');
	// Address abbreviations before a name: "TP. Hạ Long", "P. Bãi Cháy", "Q. 1".
	s = s.replace(/\b(TP|Tp|TX|TT|P|Q)\.\s*(?=[\p{Lu}\d])/gu, (_, a) => `${PLACES[a]} `);
	s = sayNames(s, words);
	// Phone numbers, hotlines and emergency numbers: digit by digit, a pause between groups.
	s = s.replace(/(?<![\d.,])(?:\+84[ .]?\d{2,3}|0\d{2,3})(?:[ .]\d{2,4}){2,3}(?![\d])/g, readPhone);
	s = s.replace(/(?<![\d.,])0\d{9,10}(?![\d])/g, readPhone);
	s = s.replace(/(?<![\d.,])1[89]00[ .]?\d{3,4}(?:[ .]?\d{2,4})?(?![\d])/g, readPhone);
	s = s.replace(
		/(gọi|số|tổng đài|đường dây nóng|cấp cứu)( số)? (11[1-5])(?!\d)/giu,
		(_, a, b, n) => `${a}${b ?? ''} ${spellDigits(n)}`
	);
	s = s.replace(/\b\d{3}( \d{3}){3}\b/g, (m) => readPhone(m));
	// Codes: letters by their names, digits one by one ("PA03" → "pê a không ba").
	s = s.replace(/\b[A-Z]+\d[A-Z\d]*\b/g, (m) =>
		m
			.replace(/[A-Z]+/g, (l) => ` ${spellLetters(l)} `)
			.replace(/\d+/g, (d) => ` ${spellDigits(d)} `)
			.trim()
	);
	// Acronyms not named above: letter by letter.
	s = s.replace(ACRONYM, spellLetters);
	s = s.replace(/\b(\d{1,2}):(\d{2})\b/g, (_, h, m) => time(h, m));
	s = s.replace(/\b(\d{1,2})h(\d{2})?(?![\p{L}\d])/gu, (_, h, m) => time(h, m ?? '0'));
	s = s.replace(
		/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g,
		(_, d, m, y) => `${w(d)} ${month(m)} năm ${w(y)}`
	);
	s = s.replace(/\b(\d{1,2})\/(\d{4})\b/g, (_, m, y) => `${month(m)} năm ${w(y)}`);
	s = s.replace(/\b(\d{1,2})\/(\d{1,2})\b/g, (_, d, m) => `${w(d)} ${month(m)}`);
	s = s.replace(/(?<![\p{L}])(thứ|tháng)\s+(\d{1,2})\b/giu, (_, word, n) => ordinal(word, n));
	s = s.replace(
		/\b(\d{1,3}(?:\.\d{3})+|\d+)\s?(đ|đồng)(?![\p{L}])(?:\/(tháng|ngày|năm|tuần|lần|người|kỳ)(?![\p{L}]))?/gu,
		(_, n, _u, per) => `${w(n)} đồng${per ? ` một ${per}` : ''}`
	);
	s = s.replace(/\b(\d+),(\d+)\b/g, (_, a, b) => `${w(a)} phẩy ${decimals(b)}`);
	s = s.replace(/(?<=\p{L})\s?%/gu, ' phần trăm');
	s = s.replace(/\b(\d+)\s?%/g, (_, n) => `${w(n)} phần trăm`);
	s = s.replace(/\b(\d+)\s?[-–]\s?(\d+)\b/g, (_, a, b) => `${a} đến ${b}`);
	s = s.replace(/\b\d{5,}\b/g, (m) => spellDigits(m));
	s = s.replace(/\b\d{1,3}(?:\.\d{3})+\b|\b\d+\b/g, (m) => w(m));
	return s
		.replace(/\s+/g, ' ')
		.replace(/\s+([,.!?;:])/g, '$1')
		.trim();
}

/** "08:05" → "tám giờ năm phút"; "8:00" → "tám giờ". */
function time(/** @type {string} */ h, /** @type {string} */ m) {
	const min = Number(m);
	return `${numberToWords(Number(h))} giờ${min > 0 ? ` ${numberToWords(min)} phút` : ''}`;
}

/** The part after "phẩy": "5" → "năm", "05" → "không năm", "25" → "hai mươi lăm". */
function decimals(/** @type {string} */ d) {
	return d.startsWith('0') ? spellDigits(d) : w(d);
}

/** @param {string} n digits, maybe with dots between thousands */
function w(n) {
	return numberToWords(Number(n.replace(/\./g, '')));
}

/**
 * Splits a text into sentences, so that "Nói chậm" can pause between them and each
 * pre-made clip stays short. Keeps the end mark with its sentence; the dot of an address
 * abbreviation ("TP. Hạ Long", "P. Bãi Cháy") ends no sentence.
 * @param {string} text
 * @returns {string[]}
 */
export function sentences(text) {
	return text
		.normalize('NFC')
		.split(/(?<=[.!?…]["”]?)(?<!\b(?:TP|Tp|TX|TT|P|Q)\.)\s+/)
		.map((p) => p.trim())
		.filter((p) => /[\p{L}\d]/u.test(p));
}

/**
 * Words of a text the voice would not say as Vietnamese: what is left after `speakable` that
 * is not a Vietnamese syllable ("Shopee" is read in English), and capitals that may be a
 * Vietnamese word without its marks ("CUC THUE" would be spelled "xê u xê"). Each needs a spoken form: the
 * lesson's `sayAs`, or SAID_AS above for a word of the kiosk's subject.
 * @param {string} text
 * @param {Record<string, string>} [words] the lesson's `sayAs`
 * @returns {string[]} each word once, as written
 */
export function foreignWords(text, words) {
	/** @type {Set<string>} */
	const found = new Set();
	for (const [caps] of sayNames(text.normalize('NFC'), words).matchAll(ACRONYM)) {
		if (isUnmarkedSyllable(caps)) found.add(caps);
	}
	for (const [word] of speakable(text, words).matchAll(/\p{L}+/gu)) {
		if (!isVietnameseSyllable(word)) found.add(word);
	}
	return [...found];
}
