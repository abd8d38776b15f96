import { describe, expect, it } from 'vitest';
import { fieldErrors } from './people';
import { checkResident } from './residents';

const NOW = Date.UTC(2026, 11, 2, 3);
const consent = { method: 'paper', takenBy: 'Tình nguyện viên 2' };

describe('checking a new resident', () => {
	it('names every field that is wrong, the first one as the reason', () => {
		const checked = checkResident(
			{ fullName: 'Nguyễn Văn 2', birthYear: '2099', phone: '12345', consent: {} },
			NOW
		);
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.reason).toBe('invalid_name');
		expect(checked.problems?.map((p) => p.field)).toEqual([
			'fullName',
			'birthYear',
			'phone',
			'consentMethod',
			'consentTakenBy'
		]);
		expect(checked.problems?.[1].message).toBe(
			'Năm sinh phải là năm có 4 chữ số, từ 1900 đến 2026.'
		);
	});

	it('accepts a good resident as before', () => {
		const checked = checkResident(
			{ fullName: ' Lê  Thị Hoa ', birthYear: '1956', phone: '0912 345 678', consent },
			NOW
		);
		expect(checked).toMatchObject({
			ok: true,
			value: { fullName: 'Lê Thị Hoa', birthYear: 1956, phone: '0912345678' }
		});
	});
});

describe('what a refused form shows', () => {
	it('puts each problem under its field and says how many there are', () => {
		const checked = checkResident({ fullName: 'X', birthYear: '18', consent }, NOW);
		expect(fieldErrors([checked])).toEqual({
			message: 'Có 2 chỗ cần sửa, ghi bằng chữ đỏ dưới từng ô.',
			errors: {
				fullName: 'Họ tên cần 2–100 chữ cái, không có số.',
				birthYear: 'Năm sinh phải là năm có 4 chữ số, từ 1900 đến 2026.'
			}
		});
	});

	it('counts a problem once when two checks find it in the same field', () => {
		const head = {
			ok: false as const,
			status: 400,
			reason: 'invalid_name',
			message: 'Tên chủ hộ',
			problems: [{ field: 'headName', reason: 'invalid_name', message: 'Tên chủ hộ' }]
		};
		const member = checkResident({ fullName: '1', birthYear: '1950', consent }, NOW);
		const shown = fieldErrors([member, head], { headName: 'fullName' });
		expect(shown.errors).toEqual({ fullName: 'Họ tên cần 2–100 chữ cái, không có số.' });
		expect(shown.message).toBe('Họ tên cần 2–100 chữ cái, không có số.');
	});

	it('keeps the one message of a refusal about no field', () => {
		const refusal = {
			ok: false as const,
			status: 404,
			reason: 'unknown_household',
			message: 'Không có hộ gia đình này.'
		};
		expect(fieldErrors([refusal])).toEqual({ message: 'Không có hộ gia đình này.', errors: {} });
	});
});
