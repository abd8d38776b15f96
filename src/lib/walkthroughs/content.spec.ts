import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable } from '../voice/syllable.js';
import { allWalkthroughs, walkthrough } from './catalog';
import { checkSchema, neededClips } from './tools/check.js';
import type { SimElement, Walkthrough } from './types';

/** Every field shown on a lesson's practice phones. */
function fields(lesson: Walkthrough) {
	return lesson.steps.flatMap((s) =>
		(s.screen?.elements ?? []).filter(
			(e): e is Extract<SimElement, { kind: 'field' }> => e.kind === 'field'
		)
	);
}

const digits = (v: string) => v.replace(/\D/g, '');

describe('practice screens hold only numbers that cannot be anyone’s', () => {
	it('a personal ID number starts with 000, which is no province’s code', () => {
		// 12 digits: province (022 is Quảng Ninh), sex and century, year of birth, serial; a
		// well-formed "022 155 000 123" reads as a real man of Quảng Ninh born in 1955.
		const ids = allWalkthroughs().flatMap((l) =>
			fields(l).filter((f) => /định danh/i.test(f.label))
		);
		expect(ids.length).toBeGreaterThan(0);
		for (const f of ids) expect(digits(f.value)).toMatch(/^000\d{9}$/);
	});

	it('a health insurance number starts with 00, which is no province’s code', () => {
		// The 10-digit number (the social insurance number) and the last 10 of the 15-character
		// card code begin with the province (22: Quảng Ninh).
		const cards = allWalkthroughs().flatMap((l) =>
			fields(l).filter((f) => /^Mã (số )?thẻ$/.test(f.label))
		);
		expect(cards.length).toBeGreaterThanOrEqual(2);
		for (const f of cards) expect(digits(f.value).slice(-10)).toMatch(/^00/);
	});
	it('a phone number, a caller’s or the learner’s own, starts with 030, which no network has', () => {
		// A real-looking "0868 000 113" (Viettel's 086) may be someone's, and the lessons show
		// callers as scammers on a public screen. 10-digit mobile prefixes in use: 03[2-9],
		// 05[25689], 07[06-9], 08[1-9], 09x; 030 is none of them. Short and official numbers
		// (113, 1900 …) are not 10 digits and stay as they are.
		const phones = allWalkthroughs().flatMap(
			(l) =>
				JSON.stringify(l.steps).match(/(?<![\d ])0[1-9]\d{2}[ .]?\d{3}[ .]?\d{3}(?![\d])/g) ?? []
		);
		expect(phones.length).toBeGreaterThanOrEqual(7);
		for (const phone of phones) expect(digits(phone)).toMatch(/^030\d{7}$/);
	});
});

describe('the temporary residence lesson', () => {
	const tamTru = walkthrough('vneid-tam-tru')!;
	const form = fields(tamTru);
	const value = (label: string) => form.find((f) => f.label === label)?.value ?? '';

	it('registers a place outside the ward where the practice resident lives', () => {
		// Luật Cư trú 2020, Điều 27: tạm trú is for living 30 days or more at a place outside the
		// commune or ward of one's permanent residence. Bác An's home, by his power bill, is in
		// phường Hà Tu; a tạm trú in Hà Tu itself is a case the law does not have.
		const bill = walkthrough('tien-dien')!.steps.flatMap((s) => s.screen?.elements ?? []);
		const home = bill.find((e) => e.kind === 'row' && /^Địa chỉ/.test(e.detail ?? ''));
		const ward = /phường [^,]+$/.exec((home as { detail: string }).detail)![0];
		expect(value('Địa chỉ')).toMatch(/phường /);
		expect(value('Địa chỉ')).not.toContain(ward);
	});

	it('names a household head whose relation to the learner fits their names', () => {
		// "Em trai" of "TRẦN THỊ BÌNH" with a lease attached read as a muddle: the learner (bác
		// NGUYỄN VĂN AN) goes to live at his son's, so the head is a Nguyễn and he is "Bố".
		expect(value('Chủ hộ')).toMatch(/^NGUYỄN /);
		expect(value('Quan hệ với chủ hộ')).toBe('Bố');
	});

	it('the attachment step names the paper its practice phone shows as taken', () => {
		const step = tamTru.steps.find((s) => s.screen?.title === 'Giấy tờ kèm theo')!;
		const taken = step.screen!.elements.find((e) => e.kind === 'text' && e.tone === 'ok');
		const paper = (taken as { text: string }).text.replace(/ \(ảnh tập\)\.jpg$/, '');
		expect(step.text.toLowerCase()).toContain(paper.toLowerCase());
	});
});

describe('the narration', () => {
	it('has the voice say only Vietnamese syllables, in every clip the voice build makes', () => {
		// What espeak-ng is given, after numbers, codes and the word tables: any other word it
		// reads in English. (validate.js names the field a word comes from.)
		const clips = [...neededClips(checkSchema().lessons).values()];
		expect(clips.length).toBeGreaterThan(300);
		const foreign = clips.flatMap(({ spoken, users }) =>
			[...spoken.matchAll(/\p{L}+/gu)]
				.filter(([word]) => !isVietnameseSyllable(word))
				.map(([word]) => `${[...users].join(', ')}: “${word}” in “${spoken}”`)
		);
		expect(foreign).toEqual([]);
	});
});
