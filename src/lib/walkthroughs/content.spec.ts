import { describe, expect, it } from 'vitest';
import { allWalkthroughs, walkthrough } from './catalog';
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
});
