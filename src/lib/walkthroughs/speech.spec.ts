import { describe, expect, it } from 'vitest';
import { quizPrompt } from './speech.js';

describe('quizPrompt', () => {
	it('says "Số" before a sender that is a bare phone number', () => {
		const item = {
			kind: 'sms',
			from: '0300 000 222',
			body: 'Y',
			scam: true,
			explain: 'Z'
		} as const;
		expect(quizPrompt(item)).toBe('Số 0300 000 222 nhắn tin. Y');
		expect(quizPrompt({ ...item, kind: 'call', from: 'Số lạ' })).toBe('Số lạ gọi đến. Y');
	});
});
