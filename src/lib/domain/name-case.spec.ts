import { describe, expect, it } from 'vitest';
import { capitalizeWords, nameCase } from './name-case';

describe('nameCase', () => {
	it('writes a name typed all in capitals with a capital at the start of each word', () => {
		expect(nameCase('NGUYỄN THỊ HƯỜNG')).toBe('Nguyễn Thị Hường');
		expect(nameCase('ĐẶNG QUỐC VIỆT')).toBe('Đặng Quốc Việt');
	});

	it('does the same for a name typed all in small letters', () => {
		expect(nameCase('lê văn ấn')).toBe('Lê Văn Ấn');
		expect(nameCase('đỗ ánh')).toBe('Đỗ Ánh');
	});

	it('keeps a name written with capitals and small letters as it was written', () => {
		expect(nameCase('Nguyễn thị Hoa')).toBe('Nguyễn thị Hoa');
		expect(nameCase('Y Moan Êban')).toBe('Y Moan Êban');
	});

	it('gives a TCVN3 list’s names the capitals its font could not hold', () => {
		// .VnTime has Ă Â Ê Ô Ơ Ư Đ but no capital with a tone mark.
		expect(nameCase('Lê ánh', true)).toBe('Lê Ánh');
		expect(nameCase('Trần ổn', true)).toBe('Trần Ổn');
		expect(nameCase('Lê ánh')).toBe('Lê ánh');
	});

	it('leaves text without letters alone', () => {
		expect(nameCase('')).toBe('');
		expect(nameCase('12 - 3')).toBe('12 - 3');
	});
});

describe('capitalizeWords', () => {
	it('capitalizes only the first letter of each word', () => {
		expect(capitalizeWords('ông già Noel')).toBe('Ông Già Noel');
		expect(capitalizeWords('ư-ơ')).toBe('Ư-Ơ');
	});
});
