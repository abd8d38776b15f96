// Turns lesson text into what a voice should say: numbers and money as Vietnamese words
// (Northern usage: "nghìn", "linh", "tư"), codes digit by digit, links as "đường link".
// Plain JavaScript so the offline audio builder (bare Node) and the browser share it.

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
 * What the voice says for a piece of lesson text.
 * - "100.000 đ" / "356.400đ" → "một trăm nghìn đồng", "ba trăm năm mươi sáu nghìn bốn trăm đồng"
 * - "10 triệu" stays words around "mười"; "12 số" → "mười hai số"; "20%" → "hai mươi phần trăm"
 * - long digit runs, phone numbers and codes ("0912 000 111", "PA03") are read digit by digit
 * - dates "15/11" → "mười lăm tháng mười một"; "10/2026" → "tháng mười năm hai nghìn không trăm hai mươi sáu"
 * - web addresses become "một đường link"
 * @param {string} text
 * @returns {string}
 */
export function speakable(text) {
	// Lessons print curly quotes; the voice says them as straight ones, so a clip made before
	// the quotes were curled keeps its name.
	let s = text.normalize('NFC').replace(/[“”]/g, '"');
	s = s.replace(/\b[\w-]+(\.[\w-]+)*\.(example|online|vn|com|net|org)\b/gi, 'một đường link');
	// Phone numbers written in groups, and any run of 5+ digits: a code, read digit by digit.
	s = s.replace(/\b0\d{2,3}( \d{3}){2}\b/g, (m) => spellDigits(m.replace(/ /g, '')));
	s = s.replace(/\b\d{3}( \d{3}){3}\b/g, (m) => spellDigits(m.replace(/ /g, '')));
	s = s.replace(/\b[A-Z]+\d[A-Z\d]*\b/g, (m) =>
		m.replace(/\d+/g, (d) => ` ${spellDigits(d)} `).trim()
	);
	s = s.replace(/\b(\d{1,2})\/(\d{4})\b/g, (_, m, y) => `tháng ${w(m)} năm ${w(y)}`);
	s = s.replace(/\b(\d{1,2})\/(\d{1,2})\b/g, (_, d, m) => `${w(d)} tháng ${w(m)}`);
	s = s.replace(/\b(\d{1,3}(?:\.\d{3})+|\d+)\s?(đ|đồng)(?![\p{L}])/gu, (_, n) => `${w(n)} đồng`);
	s = s.replace(/\b(\d+),(\d+)\b/g, (_, a, b) => `${w(a)} phẩy ${w(b)}`);
	s = s.replace(/\b(\d+)\s?%/g, (_, n) => `${w(n)} phần trăm`);
	s = s.replace(/\b\d{5,}\b/g, (m) => spellDigits(m));
	s = s.replace(/\b\d{1,3}(?:\.\d{3})+\b|\b\d+\b/g, (m) => w(m));
	return s.replace(/\s+/g, ' ').trim();
}

/** @param {string} n digits, maybe with dots between thousands */
function w(n) {
	return numberToWords(Number(n.replace(/\./g, '')));
}

/**
 * Splits a text into sentences, so that "Nói chậm" can pause between them and each
 * pre-made clip stays short. Keeps the end mark with its sentence.
 * @param {string} text
 * @returns {string[]}
 */
export function sentences(text) {
	return text
		.normalize('NFC')
		.split(/(?<=[.!?…]["”]?)\s+/)
		.map((p) => p.trim())
		.filter((p) => /[\p{L}\d]/u.test(p));
}
