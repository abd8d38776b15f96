import { describe, expect, it } from 'vitest';
import { missingSkillNames, skillName } from './skill-names';

const skills = [
	{ code: 'M5', title: 'Tìm thông tin trên mạng' },
	{ code: 'M6', title: 'Dùng dịch vụ công trực tuyến' },
	{ code: 'M7', title: 'Thanh toán số an toàn' }
];

describe('missing skills, named', () => {
	it('gives each code its name, keeping a group’s alternatives together', () => {
		expect(missingSkillNames([['M5', 'M6'], ['M7']], skills)).toEqual([
			['M5 — Tìm thông tin trên mạng', 'M6 — Dùng dịch vụ công trực tuyến'],
			['M7 — Thanh toán số an toàn']
		]);
	});
	it('keeps a code it does not know, and says nothing when nothing is missing', () => {
		expect(missingSkillNames([['M99']], skills)).toEqual([['M99']]);
		expect(missingSkillNames([], skills)).toEqual([]);
	});
});

describe('one skill, named', () => {
	it('gives the code its name, and keeps a code the catalogue no longer has', () => {
		expect(skillName('M6', skills)).toBe('M6 — Dùng dịch vụ công trực tuyến');
		expect(skillName('M99', skills)).toBe('M99');
	});
});
