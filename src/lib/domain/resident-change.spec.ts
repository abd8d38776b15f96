import { describe, expect, it } from 'vitest';
import { changedFields, changeDetail } from './resident-change';

const binh = { fullName: 'Nguyen Van Binh', birthYear: 1955, phone: null, relationship: 'Chồng' };

describe('what a correction changed, for the audit log', () => {
	it('tells a name given its diacritics from another name, and never writes either', () => {
		expect(changeDetail(binh, { ...binh, fullName: 'Nguyễn Văn Bình' })).toBe(
			'Họ tên: sửa dấu hoặc chữ hoa'
		);
		expect(changeDetail(binh, { ...binh, fullName: 'Nguyễn Văn Bính' })).toBe(
			'Họ tên: sửa dấu hoặc chữ hoa'
		);
		expect(changeDetail(binh, { ...binh, fullName: 'Trần Văn Bình' })).toBe('Họ tên: đổi tên khác');
	});

	it('gives the birth year and relationship old → new, the phone only as added, changed or removed', () => {
		const after = { ...binh, birthYear: 1956, relationship: '', phone: '0912345678' };
		expect(changeDetail(binh, after)).toBe(
			'Năm sinh: 1955 → 1956; Số điện thoại: thêm; Quan hệ với chủ hộ: “Chồng” → (trống)'
		);
		expect(changeDetail(after, { ...after, phone: '0987654321' })).toBe('Số điện thoại: đổi');
		expect(changeDetail(after, { ...after, phone: null })).toBe('Số điện thoại: bỏ');
	});

	it('finds nothing changed in the same name in another Unicode form', () => {
		const nfc = { ...binh, fullName: 'Nguyễn Văn Bình' };
		expect(changedFields(nfc, { ...nfc, fullName: nfc.fullName.normalize('NFD') })).toEqual([]);
		expect(changeDetail(binh, binh)).toBe('');
	});
});
