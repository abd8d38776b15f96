import { describe, expect, it } from 'vitest';
import { checkLine, checkName, cleanLine } from './people';

const cleanName = (value: unknown) => {
	const checked = checkName(value, 'Họ tên');
	return checked.ok ? checked.text : null;
};

describe('cleaned names and lines', () => {
	it('refuses a field of invisible characters as empty', () => {
		expect(cleanLine('\u200b\u200b\u200b', 3, 200)).toBeNull();
		expect(cleanLine('\u202e\u202e\u202e\ufeff', 1, 40)).toBeNull();
		expect(cleanName('\u200b\u200b')).toBeNull();
		expect(cleanName('A\u200b')).toBeNull();
	});

	it('refuses a line of only punctuation or accents: it says nothing', () => {
		expect(cleanLine(',,,,', 3, 200)).toBeNull();
		expect(cleanLine('\u0301\u0301\u0301\u0301', 3, 200)).toBeNull();
		expect(cleanLine('Số 1', 3, 200)).toBe('Số 1');
		expect(cleanLine('12', 2, 40)).toBe('12');
	});

	it('stores the text without them', () => {
		expect(cleanLine('Số 5 \u202engõ 3\u202c', 3, 200)).toBe('Số 5 ngõ 3');
		expect(cleanName('Lê\u200b Văn Khác\u00ad')).toBe('Lê Văn Khác');
		expect(cleanLine('<b>Tổ 3</b>', 3, 200)).toBe('bTổ 3/b');
	});
});

describe('a refused name or address says what is wrong with it', () => {
	const said = (checked: ReturnType<typeof checkName>) =>
		checked.ok ? checked.text : checked.message;

	it('takes the apostrophe an iPhone types in an Ê Đê name, and stores the straight one', () => {
		for (const typed of [
			'H’Hen Niê',
			"H'Hen Niê",
			'HʼHen Niê',
			'H‘Hen Niê',
			'H´Hen Niê',
			'H`Hen Niê'
		]) {
			expect(said(checkName(typed, 'Họ tên')), typed).toBe("H'Hen Niê");
		}
		expect(said(checkName('Y’Moan Êban'.normalize('NFD'), 'Họ tên'))).toBe("Y'Moan Êban");
	});

	it('gives a name typed all in small letters or all in capitals its capitals, keeps a mixed one', () => {
		expect(said(checkName('nguyễn văn an', 'Họ tên'))).toBe('Nguyễn Văn An');
		expect(said(checkName('  TRẦN   THỊ ÁNH ', 'Họ tên'))).toBe('Trần Thị Ánh');
		expect(said(checkName('h’hen niê', 'Họ tên'))).toBe("H'Hen Niê");
		// Written with capitals and small letters: as the person spells it.
		expect(said(checkName('Lê thị Hồng', 'Họ tên'))).toBe('Lê thị Hồng');
		expect(said(checkName('McDonald Trần', 'Họ tên'))).toBe('McDonald Trần');
	});

	it('tells a missing name from a long one, and names the character it cannot hold', () => {
		expect(said(checkName('', 'Họ tên'))).toBe('Thiếu họ tên.');
		expect(said(checkName('  \u200b ', 'Họ tên chủ hộ'))).toBe('Thiếu họ tên chủ hộ.');
		expect(said(checkName('Nguyễn Văn An '.repeat(10), 'Họ tên'))).toBe(
			'Họ tên quá dài (tối đa 100 ký tự).'
		);
		expect(said(checkName('Nguyễn Văn An 😀', 'Họ tên'))).toBe(
			'Họ tên có ký tự không dùng được: “😀”.'
		);
		expect(said(checkName('<b>Lan</b>', 'Họ tên'))).toBe(
			'Họ tên có ký tự không dùng được: “<”, “>”, “/”.'
		);
		expect(said(checkName('Mẹ 2', 'Họ tên người giám hộ'))).toBe(
			'Họ tên người giám hộ có ký tự không dùng được: “2”.'
		);
		// An emoji with its skin tone is one character to the eye, and named as one.
		expect(said(checkName('An 👍🏽👍🏽', 'Họ tên'))).toBe('Họ tên có ký tự không dùng được: “👍🏽”.');
		expect(said(checkName('X', 'Họ tên'))).toBe('Họ tên quá ngắn (ít nhất 2 chữ cái).');
		expect(said(checkName("'An", 'Họ tên'))).toBe('Họ tên phải bắt đầu bằng chữ cái.');
		expect(said(checkName(12, 'Họ tên'))).toBe('Họ tên phải là chữ.');
	});

	it('tells a missing address from one too long or too short, with the limit', () => {
		const line = (value: unknown) => {
			const checked = checkLine(value, 3, 200, 'Địa chỉ');
			return checked.ok ? checked.text : checked.message;
		};
		expect(line('')).toBe('Thiếu địa chỉ.');
		expect(line(',,,')).toBe('Thiếu địa chỉ.');
		expect(line(undefined)).toBe('Thiếu địa chỉ.');
		expect(line('Số 14, hẻm 27/5 '.repeat(17).slice(0, 261))).toBe(
			'Địa chỉ quá dài (tối đa 200 ký tự).'
		);
		expect(line('A1')).toBe('Địa chỉ quá ngắn (ít nhất 3 ký tự).');
		expect(line(' Số 5 ')).toBe('Số 5');
	});
});
