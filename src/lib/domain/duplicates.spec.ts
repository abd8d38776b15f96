import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likelyDuplicate, likelySameName, withoutDiacritics } from './duplicates';

describe('likelySameName', () => {
	it('tells names apart by their tones: Hương and Hường are two people', () => {
		expect(likelySameName('Đỗ Thị Hương', 'Đỗ Thị Hường')).toBe(false);
		expect(likelySameName('Nguyễn Văn Bình', 'Nguyễn Văn Bính')).toBe(false);
		expect(likelySameName('Lê Thị Mai', 'Lê Thị Mại')).toBe(false);
	});

	it('takes a name written without any diacritic for either', () => {
		expect(likelySameName('Do Thi Huong', 'Đỗ Thị Hương')).toBe(true);
		expect(likelySameName('Đỗ Thị Hường', 'Do Thi Huong')).toBe(true);
		expect(likelySameName('DINH VAN AN', 'Đinh Văn An')).toBe(true);
		expect(likelySameName('do thi huong', 'Do Thi Huong')).toBe(true);
	});

	it('does not take a name with some diacritics for another with different ones', () => {
		// Written with diacritics, just not the same: "Thi" is not the person's "Thị".
		expect(likelySameName('Đỗ Thi Huong', 'Đỗ Thị Hương')).toBe(false);
		expect(likelySameName('Đinh Van An', 'Đinh Văn Ân')).toBe(false);
	});

	it('ignores case, spacing and Unicode form, and where oa/oe/uy carry the tone', () => {
		expect(likelySameName('đỗ thị hương', 'ĐỖ THỊ HƯƠNG')).toBe(true);
		expect(likelySameName(' Đỗ  Thị Hương', 'Đỗ Thị Hương ')).toBe(true);
		expect(likelySameName('Đỗ Thị Hương'.normalize('NFD'), 'Đỗ Thị Hương')).toBe(true);
		expect(likelySameName('Nguyễn Thị Thuỷ', 'Nguyễn Thị Thủy')).toBe(true);
		expect(likelySameName('Trần Văn Hoà', 'Trần Văn Hòa')).toBe(true);
		expect(likelySameName('Trần Văn Hoà', 'Trần Văn Hoá')).toBe(false);
	});

	it('never matches names with other letters', () => {
		expect(likelySameName('Do Thi Huong', 'Do Thi Hung')).toBe(false);
		expect(likelySameName('Do Thi Huong', 'Đỗ Thị Hương Lan')).toBe(false);
	});

	it('is symmetric, and a name is always its own twin', () => {
		const names = fc.constantFrom(
			'Đỗ Thị Hương',
			'Đỗ Thị Hường',
			'Do Thi Huong',
			'đỗ thị hương',
			'Đỗ Thi Huong',
			'Nguyễn Thị Thuỷ',
			'Nguyễn Thị Thủy',
			'Nguyen Thi Thuy'
		);
		fc.assert(
			fc.property(names, names, (a, b) => {
				expect(likelySameName(a, b)).toBe(likelySameName(b, a));
				expect(likelySameName(a, a)).toBe(true);
			})
		);
	});
});

describe('withoutDiacritics', () => {
	it('is true only for a name with no mark and no đ', () => {
		expect(withoutDiacritics('Do Thi Huong')).toBe(true);
		expect(withoutDiacritics('Dinh Van An')).toBe(true);
		expect(withoutDiacritics('Đinh Van An')).toBe(false);
		expect(withoutDiacritics('Do Thi Hương'.normalize('NFD'))).toBe(false);
	});
});

describe('likelyDuplicate', () => {
	const huong = { household: 7, birthYear: 1950, fullName: 'Đỗ Thị Hương' };

	it('needs the same household, the same birth year and likely the same name', () => {
		expect(likelyDuplicate(huong, { ...huong, fullName: 'Do Thi Huong' })).toBe(true);
		expect(likelyDuplicate(huong, { ...huong, fullName: 'Đỗ Thị Hường' })).toBe(false);
		expect(likelyDuplicate(huong, { ...huong, household: 8 })).toBe(false);
		expect(likelyDuplicate(huong, { ...huong, birthYear: 1951 })).toBe(false);
		const fromFile = { household: '4|so 7 ngo lan', birthYear: 1950, fullName: 'Do Thi Huong' };
		expect(likelyDuplicate(fromFile, { ...huong, household: '4|so 7 ngo lan' })).toBe(true);
	});
});
