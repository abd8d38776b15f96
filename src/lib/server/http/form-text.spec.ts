import { describe, expect, it } from 'vitest';
import { formText } from './form-text';

describe('a form post given back to its page', () => {
	it('keeps the text fields and leaves a posted file out', () => {
		const data = new FormData();
		data.set('fullName', 'Nguyễn Văn A');
		data.set('file', new Blob(['x']), 'a.txt');
		data.set('birthYear', '');
		expect(formText(data)).toEqual({ fullName: 'Nguyễn Văn A', birthYear: '' });
	});
});
