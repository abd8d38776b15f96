import { describe, expect, it } from 'vitest';
import { cleanLine, cleanName } from './people';

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
