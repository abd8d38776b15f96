import { describe, expect, it } from 'vitest';
import {
	cleanText,
	foldVietnamese,
	otherToneSpelling,
	searchWords,
	straightApostrophes
} from './text';

describe('the two spellings of oa, oe and uy', () => {
	it('moves the tone between the two vowels, both ways', () => {
		for (const [one, other] of [
			['thuỷ', 'thủy'],
			['hoà', 'hòa'],
			['khoẻ', 'khỏe'],
			['loá', 'lóa'],
			['Thuỷ', 'Thủy']
		]) {
			expect(otherToneSpelling(one)).toBe(other);
			expect(otherToneSpelling(other)).toBe(one);
		}
	});

	it('leaves words with one spelling alone', () => {
		// No tone, qu a consonant, a final consonant, another vowel: one way to write them.
		for (const word of ['thuy', 'hoa', 'quý', 'quỳ', 'hoàng', 'thuyền', 'khuê', 'thư', 'nguyễn']) {
			expect(otherToneSpelling(word), word).toBeUndefined();
		}
	});

	it('gives a typed search word both spellings, in NFC', () => {
		const [word] = searchWords('THỦY'.normalize('NFD'));
		expect(word.spellings).toEqual(['thủy', 'thuỷ']);
		expect(word.spellings.every((s) => s === s.normalize('NFC'))).toBe(true);
		expect(searchWords('thu')[0].spellings).toEqual(['thu']);
	});
});

describe('cleaning typed text', () => {
	it('takes out characters that show nothing: zero-width, bidi overrides, BOM, soft hyphen', () => {
		expect(cleanText('\u200b\u200b\u200b')).toBe('');
		expect(cleanText('\ufeffSố 5\u00ad ngõ\u200b 3')).toBe('Số 5 ngõ 3');
		expect(cleanText('Lê\u202e Văn\u202c Khác')).toBe('Lê Văn Khác');
		expect(cleanText('Trần\u200d\u200c Văn \u2066A\u2069 \u0007')).toBe('Trần Văn A');
		expect(cleanText('a \u200b b')).toBe('a b');
		expect(cleanText('\ud800Hoa')).toBe('Hoa');
	});

	it('keeps Vietnamese as written, in NFC, even with a zero-width space before a tone mark', () => {
		expect(cleanText('  Nguyễn   Thị\tHoà ')).toBe('Nguyễn Thị Hoà');
		expect(cleanText('Nguye\u0302\u0303n')).toBe('Nguyễn');
		expect(cleanText('Ho\u200ba\u0300')).toBe('Hoà');
	});
});

describe('look-alike letters', () => {
	it('cleans full-width letters and digits to ASCII, keeping the diacritics', () => {
		expect(cleanText('Ｋhu phố　１１')).toBe('Khu phố 11');
		expect(cleanText('Ｎguyễn Ｔhị Ｈoà')).toBe('Nguyễn Thị Hoà');
		expect(cleanText('Số 5½, tầng ²')).toBe('Số 5½, tầng ²');
	});

	it('folds compatibility forms when names are compared', () => {
		expect(foldVietnamese('Ｋhu phố １１')).toBe('khu pho 11');
		expect(foldVietnamese('Khu phố Ⅻ')).toBe(foldVietnamese('khu pho XII'));
		expect(foldVietnamese('Đỗ Thị Ngọc Ánh')).toBe('do thi ngoc anh');
	});
});

describe("names with an apostrophe (Ê Đê, Gia Rai, K'Ho: H'Hen, Y'Moan, K'Bing)", () => {
	it('folds every apostrophe a phone types into a space between words', () => {
		for (const typed of [
			"H'Hen Niê",
			'H’Hen Niê',
			'H‘Hen Niê',
			'HʼHen Niê',
			'H´Hen Niê',
			'H`Hen Niê'
		]) {
			expect(foldVietnamese(typed), typed).toBe('h hen nie');
		}
	});

	it('parts a typed search word at its apostrophe, as the stored name is', () => {
		expect(searchWords('H’Hen Niê').map((w) => w.folded)).toEqual(['h', 'hen', 'nie']);
		expect(searchWords("h'hen").map((w) => w.folded)).toEqual(['h', 'hen']);
	});

	it('straightens the look-alikes, and only them', () => {
		expect(straightApostrophes('H’Hen ʼY‘Moan´ K`Bing')).toBe("H'Hen 'Y'Moan' K'Bing");
		expect(straightApostrophes('Nguyễn Văn An')).toBe('Nguyễn Văn An');
	});
});
