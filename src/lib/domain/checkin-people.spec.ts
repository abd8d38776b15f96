import { describe, expect, it } from 'vitest';
import {
	addressKey,
	addressLine,
	hasWordsTyped,
	helpRequestPlace,
	nameSearchTooShort
} from './checkin-people';

describe('helpRequestPlace', () => {
	it("names the kiosk's place, not its id", () => {
		const label = helpRequestPlace({ kiosk: 'tram-1', place: 'Nhà văn hoá khu phố 1' });
		expect(label).toBe('Nhà văn hoá khu phố 1');
		expect(label).not.toContain('tram-1');
	});

	it('names the id as a code only when there is no place', () => {
		expect(helpRequestPlace({ kiosk: 'tram-7', place: '  ' })).toBe(
			'Trạm mã “tram-7” (chưa ghi nơi đặt)'
		);
		expect(helpRequestPlace({ kiosk: '', place: '' })).toBe('Một trạm chưa ghi nơi đặt');
	});
});

describe('hasWordsTyped', () => {
	const home = 'Số 41, tổ 6, đường Lê Lợi Nguyễn Văn An';
	it('finds a household by words typed without commas or diacritics, in any order', () => {
		expect(hasWordsTyped(home, 'so 41 to 6')).toBe(true);
		expect(hasWordsTyped(home, 'to 6 le loi')).toBe(true);
		expect(hasWordsTyped(home, 'Lê Lợi, số 41')).toBe(true);
		expect(hasWordsTyped(home, 'nguyen an')).toBe(true);
	});
	it('needs every word: the start of a word, or a whole number', () => {
		expect(hasWordsTyped(home, 'so 42')).toBe(false);
		expect(hasWordsTyped(home, 'loi 16')).toBe(false);
		// A number is the whole number: "so 4" is not Số 41.
		expect(hasWordsTyped(home, 'so 4')).toBe(false);
		expect(hasWordsTyped(home, 'nguy')).toBe(true);
		expect(hasWordsTyped(home, 'ang')).toBe(false);
	});
	it('lists every household when nothing is typed', () => {
		expect(hasWordsTyped(home, '')).toBe(true);
		expect(hasWordsTyped(home, ' , ')).toBe(true);
	});
});

describe('addressKey', () => {
	it('reads an address the same with or without its khu phố, however it is spelt and spaced', () => {
		const stored = addressKey('Số 116, tổ 7, đường Lê Lợi, Khu phố 1', 'Khu phố 1');
		for (const typed of [
			'Số 116, tổ 7, đường Lê Lợi',
			'so 116 , to 7,duong le loi',
			'Số 116, tổ 7, đường Lê Lợi - KHU PHỐ 1.',
			'Số 116, tổ 7, đường Lê Lợi khu pho 1'
		]) {
			expect(addressKey(typed, 'Khu phố 1'), typed).toBe(stored);
		}
	});

	it('keeps what tells two addresses apart', () => {
		const key = (a: string) => addressKey(a, 'Khu phố 1');
		expect(key('Số 116, tổ 7, đường Lê Lợi, Khu phố 11')).not.toBe(
			key('Số 116, tổ 7, đường Lê Lợi')
		);
		expect(key('Số 16, tổ 7, đường Lê Lợi')).not.toBe(key('Số 116, tổ 7, đường Lê Lợi'));
		expect(key('Khu phố 1')).toBe('khu pho 1');
		// Only the household's own khu phố is dropped.
		expect(addressKey('Số 2, Khu phố 3', 'Khu phố 1')).toBe('so 2 khu pho 3');
		expect(key('Số 12/3 Lê Lợi')).not.toBe(key('Số 123 Lê Lợi'));
	});

	it('reads punctuation as a space: commas, slashes and dashes of any kind', () => {
		const key = (a: string) => addressKey(a, 'Khu phố 3');
		expect(key('Số 1 tổ 4 đường Trần Phú')).toBe(key('Số 1, tổ 4, đường Trần Phú'));
		expect(key('Số 12 / 3 Lê Lợi')).toBe(key('Số 12/3 Lê Lợi'));
		expect(key('Số 20–22 Lê Lợi')).toBe(key('Số 20-22 Lê Lợi'));
		expect(key(', Số 5 Lê Lợi.')).toBe(key('Số 5 Lê Lợi'));
	});
});

describe('nameSearchTooShort', () => {
	it('counts letters and digits, not spaces, marks or punctuation', () => {
		expect(nameSearchTooShort('Ng')).toBe(true);
		expect(nameSearchTooShort('  N. g ')).toBe(true);
		expect(nameSearchTooShort('Đỗ')).toBe(true);
		expect(nameSearchTooShort('Ngu')).toBe(false);
		expect(nameSearchTooShort('do a')).toBe(false);
		expect(nameSearchTooShort('Nguyễn')).toBe(false);
	});
});

describe('addressLine', () => {
	it('adds the khu phố unless the address ends with its whole name', () => {
		expect(addressLine('Số 5, tổ 3', 'Khu phố 2')).toBe('Số 5, tổ 3, Khu phố 2');
		expect(addressLine('Số 5, tổ 3, Khu phố 2', 'Khu phố 2')).toBe('Số 5, tổ 3, Khu phố 2');
		// Not said by a longer name, nor by a number inside the address.
		expect(addressLine('Số 5, tổ 3, Khu phố 10', 'Khu phố 1')).toBe(
			'Số 5, tổ 3, Khu phố 10, Khu phố 1'
		);
		expect(addressLine('Số 306, tổ 1, đường Lê Lợi', '3')).toBe('Số 306, tổ 1, đường Lê Lợi, 3');
		expect(addressLine('Khu phố 2, Số 5', 'Khu phố 2')).toBe('Khu phố 2, Số 5, Khu phố 2');
	});
});
