import { describe, expect, it } from 'vitest';
import { cardCodeFromBytes, splitTrailingCardCode } from './card-code';

const code = cardCodeFromBytes(new Uint8Array(17).map((_, i) => i * 37 + 11));

describe('a code a USB scanner typed into a text box', () => {
	it('is found after a half-typed name, and the name is kept', () => {
		expect(splitTrailingCardCode(`ngu${code}`)).toEqual({ before: 'ngu', code });
		expect(splitTrailingCardCode(`nguyen van ${code.toLowerCase()} `)).toEqual({
			before: 'nguyen van ',
			code
		});
		expect(splitTrailingCardCode(code)).toEqual({ before: '', code });
	});

	it('is not found in a name, a short code, or a code with a character cards never use', () => {
		expect(splitTrailingCardCode('nguyen van thang')).toBeNull();
		expect(splitTrailingCardCode(`ngu${code.slice(0, -1)}`)).toBeNull();
		// 0, O, 1, I and L are left out of the alphabet: a code holding one is not a card's.
		expect(splitTrailingCardCode(`${code.slice(0, -1)}O`)).toBeNull();
	});
});
