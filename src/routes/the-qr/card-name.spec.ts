import { describe, expect, it } from 'vitest';
import { cardNameSize } from './card-name';

describe('cardNameSize', () => {
	it('keeps a usual name at full size', () => {
		expect(cardNameSize('Nguyễn Văn An')).toBe('normal');
		// 32 characters: four lines of 14 pt still hold it.
		expect(cardNameSize('Trương Nguyễn Hoàng Thiên Trường')).toBe('normal');
	});

	it('prints a longer name smaller, so it is never cut by the card’s edge', () => {
		expect(cardNameSize('Nguyễn Huỳnh Thị Ngọc Phượng Diễm Kiều')).toBe('long');
		expect(cardNameSize('Công Tôn Nữ Thị Huyền Trang Phượng Diễm Kiều Nguyễn Hoàng Thị')).toBe(
			'longest'
		);
	});

	it('counts letters, not the code points a decomposed name is typed in', () => {
		// 32 letters typed as NFD (a tone mark apart) is still a 32-letter name.
		const name = 'Trương Nguyễn Hoàng Thiên Trường';
		expect(name.normalize('NFD').length).toBeGreaterThan(32);
		expect(cardNameSize(name.normalize('NFD'))).toBe('normal');
	});
});
