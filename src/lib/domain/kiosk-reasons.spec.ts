import { describe, expect, it } from 'vitest';
import { CHECKIN_REASONS, REASON_TEXT } from './checkin';
import { KIOSK_REASON_TEXT, KIOSK_UNKNOWN_REASON, kioskReasonText } from './kiosk-reasons';

describe("the kiosk's words for a card it did not record", () => {
	it('speak to the resident, not to staff, and never about the card’s owner', () => {
		for (const reason of CHECKIN_REASONS) {
			const text = kioskReasonText(reason);
			expect(text, reason).toBe(KIOSK_REASON_TEXT[reason]);
			expect(text, reason).not.toBe(REASON_TEXT[reason]);
			expect(text, reason).toMatch(/\bBác\b/);
			expect(text, reason).not.toMatch(/người này|đồng ý|rút lại|thu hồi|buổi học|mã của lượt/i);
		}
	});

	it('fall back to plain words for a reason they do not know, not the server’s message', () => {
		expect(kioskReasonText('unknown_walkthrough')).toBe(KIOSK_UNKNOWN_REASON);
		expect(kioskReasonText(undefined)).toBe(KIOSK_UNKNOWN_REASON);
		expect(kioskReasonText('toString')).toBe(KIOSK_UNKNOWN_REASON);
	});
});
