import { PHRASES } from '../voice/phrases.js';
import type { CheckinReason } from './checkin';

/**
 * What the kiosk's card-recording screen says when a card is not recorded. The kiosk is a
 * public screen: it speaks to the resident in front of it ("Bác"), in plain words, and says
 * nothing about the card's owner (whether they withdrew consent, who they are). Each line
 * ends with what the resident can do. The staff screens keep `REASON_TEXT`. The lines are
 * the voice's phrases, so the kiosk says them too, from pre-made clips.
 */
export const KIOSK_REASON_TEXT: Record<CheckinReason, string> = {
	malformed: PHRASES.cardNotOurs,
	unknown_card: PHRASES.cardUnknown,
	revoked: PHRASES.cardRevoked,
	unknown_resident: PHRASES.cardUnknown,
	// Whether the card's owner withdrew consent is theirs to know, not the screen's to show.
	consent_withdrawn: PHRASES.cardRefused,
	nonce_reused: PHRASES.cardRetry,
	// Class check-ins only; a kiosk should never meet these.
	no_session: PHRASES.cardFault,
	session_closed: PHRASES.cardFault,
	before_session: PHRASES.cardFault
};

/** For a reason the list does not know (a bad request, a fault). */
export const KIOSK_UNKNOWN_REASON = PHRASES.cardFault;

/** The server cannot be reached. */
export const KIOSK_OFFLINE = PHRASES.cardOffline;

/** The resident's words for the server's `reason`; never the server's own (staff) message. */
export function kioskReasonText(reason: unknown): string {
	return typeof reason === 'string' && Object.hasOwn(KIOSK_REASON_TEXT, reason)
		? KIOSK_REASON_TEXT[reason as CheckinReason]
		: KIOSK_UNKNOWN_REASON;
}
