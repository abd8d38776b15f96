import { describe, expect, it } from 'vitest';
import { DAY_MS, vnDay, vnDayStart } from '../../domain/time';
import { fieldErrors, reasonFieldErrors } from './people';
import { CONSENT_DAY_PROBLEM, checkResident, formConsent, inFormWords } from './residents';

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

	it('refuses a name that is only invisible characters', () => {
		const checked = checkResident(
			{ fullName: '\u200b\u200b\u200b', birthYear: '1956', consent },
			NOW
		);
		expect(checked).toMatchObject({ ok: false, reason: 'invalid_name' });
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

describe('the relationship to the head of the household', () => {
	it('says what is wrong with it: too long, or not words at all', () => {
		const problem = (relationship: unknown) => {
			const checked = checkResident(
				{ fullName: 'Lê Thị Hoa', birthYear: 1956, relationship, consent },
				NOW
			);
			return !checked.ok && checked.problems?.[0].message;
		};
		expect(problem('x'.repeat(41))).toBe('Quan hệ với chủ hộ quá dài (tối đa 40 ký tự).');
		expect(problem({})).toBe('Quan hệ với chủ hộ phải là chữ, ví dụ "Vợ".');
	});
});

describe('when the consent was taken', () => {
	const at = (value: unknown) =>
		checkResident(
			{ fullName: 'Lê Thị Hoa', birthYear: 1956, consent: { ...consent, at: value } },
			NOW
		);

	it('is a real moment: not a day that does not exist, not seconds read as 1970', () => {
		for (const value of ['2026-02-30', '2026-11-31T08:00', 1, 1_764_640_000, 'hôm qua']) {
			const checked = at(value);
			expect(checked.ok, String(value)).toBe(false);
			expect(!checked.ok && checked.problems?.map((p) => p.field)).toEqual(['consentAt']);
		}
	});

	it('may be given as a day or a time in Vietnam, or in milliseconds', () => {
		expect(at('2026-11-30')).toMatchObject({ ok: true });
		expect(at('2026-12-02T09:00')).toMatchObject({ ok: true });
		expect(at(NOW - 3_600_000)).toMatchObject({ ok: true });
	});
});

describe('the day of the consent on a registering form', () => {
	const form = (consentAt: string) => ({
		consentMethod: 'paper',
		consentTakenBy: 'TNV',
		consentAt
	});
	const checked = (consentAt: string) =>
		checkResident(
			{ fullName: 'Lê Thị Hoa', birthYear: 1956, consent: formConsent(form(consentAt), NOW) },
			NOW
		);
	const today = vnDay(NOW);

	it('is now when it is today or left out, to the minute', () => {
		expect(formConsent(form(today), NOW).at).toBeUndefined();
		expect(formConsent(form(''), NOW).at).toBeUndefined();
		expect(checked(today)).toMatchObject({ ok: true, value: { consent: { at: NOW } } });
	});

	it('is the day a paper was signed, when it is typed in later', () => {
		// Signed at Saturday's meeting, typed in on Tuesday: recorded as Saturday, not Tuesday.
		const signed = vnDay(NOW - 3 * DAY_MS);
		expect(checked(signed)).toMatchObject({
			ok: true,
			value: { consent: { at: vnDayStart(signed) } }
		});
	});

	it('is refused when later than today or not a day, in the form’s words', () => {
		for (const day of [vnDay(NOW + DAY_MS), '2026-02-30', 'hôm qua']) {
			const refused = checked(day);
			expect(refused.ok, day).toBe(false);
			const shown = inFormWords(fieldErrors([refused]));
			expect(shown.errors).toEqual({ consentAt: CONSENT_DAY_PROBLEM });
		}
	});
});

describe('what a refused form shows', () => {
	it('puts each problem under its field and says how many there are', () => {
		const checked = checkResident({ fullName: 'X', birthYear: '18', consent }, NOW);
		expect(fieldErrors([checked])).toEqual({
			message: 'Có 2 chỗ cần sửa, ghi bằng chữ đỏ dưới từng ô.',
			errors: {
				fullName: 'Họ tên quá ngắn (ít nhất 2 chữ cái).',
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
		expect(shown.errors).toEqual({ fullName: 'Họ tên có ký tự không dùng được: “1”.' });
		// Counted above the form, never the field's words twice.
		expect(shown.message).toBe('Có 1 chỗ cần sửa, ghi bằng chữ đỏ dưới ô đó.');
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

	it('puts a refusal named by its reason under the field it is about', () => {
		const refusal = { reason: 'invalid_title', message: 'Xin ghi tên buổi học (3–120 ký tự).' };
		expect(reasonFieldErrors(refusal, { invalid_title: 'title' })).toEqual({
			message: 'Có 1 chỗ cần sửa, ghi bằng chữ đỏ dưới ô đó.',
			errors: { title: 'Xin ghi tên buổi học (3–120 ký tự).' }
		});
		expect(reasonFieldErrors({ reason: 'forbidden', message: 'Không được.' }, {})).toEqual({
			message: 'Không được.',
			errors: {}
		});
	});
});

describe("a child's consent (Decree 13/2023/NĐ-CP, Art. 20)", () => {
	const child = (c: Record<string, unknown>, birthYear = 2016) =>
		checkResident({ fullName: 'Lê Minh An', birthYear, consent: { ...consent, ...c } }, NOW);

	it('refuses a child with signed paper or verbal consent, at the consent choice', () => {
		for (const method of ['paper', 'verbal']) {
			const refused = child({ method, guardianName: 'Lê Thị Hoa' });
			expect(refused).toMatchObject({
				ok: false,
				status: 400,
				reason: 'guardian_required',
				message:
					'Người dưới 18 tuổi cần người giám hộ đồng ý: chọn “Người giám hộ đồng ý” và ghi tên người giám hộ.'
			});
			expect(!refused.ok && refused.problems?.map((p) => p.field)).toEqual(['consentMethod']);
		}
	});

	it("refuses a guardian's consent without the guardian's name, for an adult too", () => {
		for (const [birthYear, guardianName] of [
			[2016, undefined],
			[2016, ''],
			[2016, '   '],
			[1950, null]
		] as const) {
			const refused = child({ method: 'guardian', guardianName }, birthYear);
			expect(refused, String(guardianName)).toMatchObject({
				ok: false,
				reason: expect.stringMatching(/^(guardian_name_required|invalid_guardian_name)$/)
			});
			expect(!refused.ok && refused.problems?.map((p) => p.field)).toEqual(['consentGuardianName']);
		}
		expect(child({ method: 'guardian' })).toMatchObject({
			reason: 'guardian_name_required',
			message: 'Cần ghi họ tên người giám hộ.'
		});
		expect(child({ method: 'guardian', guardianName: 'Mẹ 2' })).toMatchObject({
			reason: 'invalid_guardian_name',
			message: 'Họ tên người giám hộ có ký tự không dùng được: “2”.'
		});
	});

	it("keeps the guardian's name as names are kept: trimmed, spaces made one, NFC", () => {
		const nfd = '  Trần   Thị Hoa '.normalize('NFD');
		expect(child({ method: 'guardian', guardianName: nfd })).toMatchObject({
			ok: true,
			value: { consent: { method: 'guardian', guardianName: 'Trần Thị Hoa' } }
		});
	});

	it('counts the age in the year the consent was given', () => {
		// Born 2008: 17 in 2025, a child then; 18 in 2026.
		const paper = (at: string) => child({ method: 'paper', at }, 2008);
		expect(paper('2025-12-31')).toMatchObject({ ok: false, reason: 'guardian_required' });
		expect(paper('2026-01-01')).toMatchObject({ ok: true });
	});

	it('checks an adult with paper consent as before: the same record, no guardian in it', () => {
		const adult = child({ method: 'paper' }, 1956);
		expect(adult).toEqual({
			ok: true,
			value: expect.objectContaining({
				consent: { method: 'paper', takenBy: 'Tình nguyện viên 2', at: NOW }
			})
		});
		// A name typed, then paper chosen (a form without JavaScript shows the field always).
		const typed = child({ method: 'paper', guardianName: 'Lê Thị Hoa' }, 1956);
		expect(typed.ok && typed.value.consent).toEqual({
			method: 'paper',
			takenBy: 'Tình nguyện viên 2',
			at: NOW
		});
	});

	it("reads the form's “Họ tên người giám hộ” into the consent", () => {
		const form = {
			consentMethod: 'guardian',
			consentTakenBy: 'TNV',
			consentGuardianName: 'Lê Thị Hoa'
		};
		expect(formConsent(form, NOW)).toMatchObject({
			method: 'guardian',
			guardianName: 'Lê Thị Hoa'
		});
		expect(fieldErrors([child(formConsent({ ...form, consentGuardianName: '' }, NOW))])).toEqual({
			message: 'Có 1 chỗ cần sửa, ghi bằng chữ đỏ dưới ô đó.',
			errors: { consentGuardianName: 'Cần ghi họ tên người giám hộ.' }
		});
	});
});
