import type { CheckinReason } from './checkin';

/**
 * What the kiosk's card-recording screen says when a card is not recorded. The kiosk is a
 * public screen: it speaks to the resident in front of it ("Bác"), in plain words, and says
 * nothing about the card's owner (whether they withdrew consent, who they are). Each line
 * ends with what the resident can do. The staff screens keep `REASON_TEXT`.
 */
export const KIOSK_REASON_TEXT: Record<CheckinReason, string> = {
	malformed: 'Đây không phải thẻ của Trạm Học Số. Bác giơ thẻ QR của trạm nhé.',
	unknown_card: 'Trạm chưa nhận ra thẻ này. Bác nhờ tình nguyện viên xem giúp thẻ nhé.',
	revoked: 'Thẻ này không còn dùng được. Bác nhờ tình nguyện viên làm thẻ mới nhé.',
	unknown_resident: 'Trạm chưa nhận ra thẻ này. Bác nhờ tình nguyện viên xem giúp thẻ nhé.',
	// Whether the card's owner withdrew consent is theirs to know, not the screen's to show.
	consent_withdrawn: 'Trạm không ghi nhận được bằng thẻ này. Bác nhờ tình nguyện viên giúp nhé.',
	nonce_reused: 'Trạm chưa ghi nhận được lần này. Bác bấm “Thử lại” nhé.',
	// Class check-ins only; a kiosk should never meet these.
	no_session: 'Trạm chưa ghi nhận được. Bác nhờ tình nguyện viên giúp nhé.',
	session_closed: 'Trạm chưa ghi nhận được. Bác nhờ tình nguyện viên giúp nhé.',
	before_session: 'Trạm chưa ghi nhận được. Bác nhờ tình nguyện viên giúp nhé.'
};

/** For a reason the list does not know (a bad request, a fault). */
export const KIOSK_UNKNOWN_REASON = 'Trạm chưa ghi nhận được. Bác nhờ tình nguyện viên giúp nhé.';

/** The server cannot be reached. */
export const KIOSK_OFFLINE = 'Trạm đang mất kết nối. Bác nhờ tình nguyện viên ghi giúp.';

/** The resident's words for the server's `reason`; never the server's own (staff) message. */
export function kioskReasonText(reason: unknown): string {
	return typeof reason === 'string' && Object.hasOwn(KIOSK_REASON_TEXT, reason)
		? KIOSK_REASON_TEXT[reason as CheckinReason]
		: KIOSK_UNKNOWN_REASON;
}
