import { describe, expect, it } from 'vitest';
import { otherToneSpelling, searchWords } from './text';

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
