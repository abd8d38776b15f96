import { isWellFormedCardCode, normaliseCardCode } from './card-code';
import { EARLIEST_INSTANT } from './time';

/** How a scan reached us. Mirrors attendance.source (minus 'import'). */
export const CHECKIN_SOURCES = ['camera', 'scanner', 'search', 'kiosk'] as const;
export type CheckinSource = (typeof CHECKIN_SOURCES)[number];

/** The fixed set of reasons a scan checks nobody in (DESIGN.md, Check-in). */
export const CHECKIN_REASONS = [
	'malformed',
	'unknown_card',
	'revoked',
	'unknown_resident',
	'no_session',
	'session_closed',
	'before_session',
	'nonce_reused',
	'consent_withdrawn'
] as const;
export type CheckinReason = (typeof CHECKIN_REASONS)[number];

/** What the volunteer reads on the red screen: words, never a code. */
export const REASON_TEXT: Record<CheckinReason, string> = {
	malformed: 'Mã này không phải thẻ của Trạm Học Số',
	unknown_card: 'Không có thẻ nào mang mã này',
	revoked: 'Thẻ này đã bị thu hồi — xin dùng thẻ mới',
	unknown_resident: 'Không tìm thấy người này',
	no_session: 'Không có buổi học này',
	session_closed: 'Buổi học đã đóng',
	before_session: 'Giờ quét sớm hơn lúc mở buổi học — xin xem lại ngày giờ trên máy đã quét',
	nonce_reused: 'Mã của lượt quét này đã được dùng cho một lượt quét khác — xin quét lại',
	consent_withdrawn: 'Người này đã rút lại sự đồng ý — không ghi thêm gì về người này'
};

/** HTTP status for each reason: the client's fault (4xx), never the server's. */
export const REASON_STATUS: Record<CheckinReason, number> = {
	malformed: 400,
	unknown_card: 404,
	revoked: 410,
	unknown_resident: 404,
	no_session: 404,
	session_closed: 409,
	// Like session_closed: a well-formed scan outside the time the session was open (its state,
	// not the request alone, refuses it; the same scannedAt is fine for an older session).
	before_session: 409,
	// The nonce is taken by another check-in: the store's state, not the request alone, refuses it.
	nonce_reused: 409,
	// The person's own choice (Law 91/2025/QH15): nothing new is recorded once consent is withdrawn.
	consent_withdrawn: 409
};

/** The facts the store holds about one scan, gathered by the op handler. */
export interface CheckinFacts {
	/** The code as scanned, after trimming; null when the scan named a resident instead. */
	code: string | null;
	/**
	 * The session's opening and closing times; openedAt is null for a session opened before
	 * the store kept it (migration 0011), which leaves scans to it unbounded below.
	 */
	session: { openedAt: number | null; closedAt: number | null } | undefined;
	/** The card the code names (code scans) — undefined when there is none. */
	card: { residentId: number; revokedAt: number | null } | undefined;
	/** The resident the scan names (name-search scans, or the card's owner). */
	residentExists: boolean;
	/** Every consent the person gave is withdrawn: their data waits for erasure. */
	consentWithdrawn?: boolean;
	/** This resident's earlier check-in to this session, if any. */
	earlier: { at: number } | undefined;
	/** When the scan happened (offline scans arrive later and keep their own time). */
	scannedAt: number;
}

export type CheckinDecision =
	| { outcome: 'ok' }
	| { outcome: 'already'; firstAt: number }
	| { outcome: 'error'; reason: CheckinReason };

/**
 * The check-in rule, without I/O. A scan taken before the session was closed still counts
 * (it was queued offline); a second scan of the same person is "already", not an error.
 * Its time cannot be earlier than the session's opening (the scanner needs the session's id),
 * less the device clock's allowed lag: otherwise a back-dated scannedAt would get around a
 * closed session or a revoked card.
 */
export function decideCheckin(f: CheckinFacts): CheckinDecision {
	if (f.code !== null && !isWellFormedCardCode(f.code)) return err('malformed');
	if (!f.session) return err('no_session');
	if (f.session.openedAt !== null && f.scannedAt < f.session.openedAt - CLOCK_SKEW_MS) {
		return err('before_session');
	}
	if (f.session.closedAt !== null && f.scannedAt >= f.session.closedAt) {
		return err('session_closed');
	}
	if (f.code !== null) {
		if (!f.card) return err('unknown_card');
		if (f.card.revokedAt !== null && f.card.revokedAt <= f.scannedAt) return err('revoked');
	}
	if (!f.residentExists) return err(f.code === null ? 'unknown_resident' : 'unknown_card');
	if (f.consentWithdrawn) return err('consent_withdrawn');
	if (f.earlier) return { outcome: 'already', firstAt: f.earlier.at };
	return { outcome: 'ok' };
}

const err = (reason: CheckinReason): CheckinDecision => ({ outcome: 'error', reason });

/** What a scanner sends, checked. Anything unusable becomes a reason, never an exception. */
export interface CheckinRequest {
	/** Normalised card code, or null for a name-search check-in (by resident id). */
	code: string | null;
	/** The raw text, cut short and made printable, for the failed-scan log. */
	excerpt: string;
	residentId: number | null;
	sessionId: number;
	nonce: string;
	scannedAt: number | null;
	source: CheckinSource;
}

export type ParsedCheckin =
	{ ok: true; value: CheckinRequest } | { ok: false; reason: 'invalid'; message: string };

/** How far a device clock may be off (ahead of ours, or behind a session's opening). */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** Offline scans older than this are refused: no device holds a queue that long. */
export const OFFLINE_MAX_AGE_MS = 14 * 24 * 3600_000;
const NONCE = /^[A-Za-z0-9_-]{8,80}$/;

/** A printable, short excerpt of whatever was scanned (binary, 10 KB, <script> …). */
export function codeExcerpt(raw: string): string {
	// Only the part that is kept is cleaned (one '?' per UTF-16 unit, so lengths match).
	const clean = raw.slice(0, 64).replace(/[^\x20-\x7e\u00a0-\u024f\u1e00-\u1eff]/g, '?');
	return raw.length > 64 ? `${clean}…` : clean;
}

const isMillis = (value: unknown): value is number =>
	typeof value === 'number' && Number.isSafeInteger(value) && value >= EARLIEST_INSTANT;
const MILLIS = 'phải là thời điểm tính bằng mili giây kể từ 1970 (ví dụ Date.now()).';

/**
 * When the scan happened, on the server's clock: null for "now", or a Vietnamese reason.
 *
 * A phone's clock may be minutes off. Read alone, its `scannedAt` would put a queued scan at
 * the wrong time, and a clock more than 5 minutes fast had every scan refused. So the scanner
 * also sends `sentAt`, its own clock as it sends: the two differ by how long the scan waited,
 * whatever the clock's error, and the scan happened that long before now. Without `sentAt`
 * (another program), `scannedAt` is trusted within the allowed lag, as before.
 */
function scanTime(scannedAt: unknown, sentAt: unknown, now: number): number | null | string {
	const given = (value: unknown) => value !== undefined && value !== null;
	if (given(scannedAt) && !isMillis(scannedAt)) return `"scannedAt" ${MILLIS}`;
	if (given(sentAt) && !isMillis(sentAt)) return `"sentAt" ${MILLIS}`;
	if (!isMillis(scannedAt)) return null;
	if (given(sentAt)) {
		// A phone that set its clock back between the two (the network's time came in) makes
		// the wait look negative: the scan is kept, at the moment it arrived, not refused.
		const waited = Math.max(0, (sentAt as number) - scannedAt);
		if (waited > OFFLINE_MAX_AGE_MS) return 'Lượt quét này đã quá cũ (hơn 14 ngày).';
		return now - waited;
	}
	if (scannedAt > now + CLOCK_SKEW_MS || scannedAt < now - OFFLINE_MAX_AGE_MS) {
		return '"scannedAt" lệch quá xa so với giờ máy chủ.';
	}
	return Math.min(scannedAt, now);
}

export function parseCheckinRequest(body: Record<string, unknown>, now: number): ParsedCheckin {
	const bad = (message: string): ParsedCheckin => ({ ok: false, reason: 'invalid', message });
	const { code, residentId, sessionId, nonce, scannedAt, sentAt, source } = body;
	if (!Number.isSafeInteger(sessionId) || (sessionId as number) <= 0) {
		return bad('Thiếu "sessionId" (số buổi học).');
	}
	if (typeof nonce !== 'string' || !NONCE.test(nonce)) {
		return bad('Thiếu "nonce" (8–80 ký tự chữ, số, - hoặc _).');
	}
	if (typeof source !== 'string' || !(CHECKIN_SOURCES as readonly string[]).includes(source)) {
		return bad(`"source" phải là một trong: ${CHECKIN_SOURCES.join(', ')}.`);
	}
	const at = scanTime(scannedAt, sentAt, now);
	if (typeof at === 'string') return bad(at);
	const byName =
		code === undefined && Number.isSafeInteger(residentId) && (residentId as number) > 0;
	if (!byName && typeof code !== 'string') {
		return bad('Thiếu "code" (mã trên thẻ) hoặc "residentId".');
	}
	// One object literal, not `{ ...base, code }`: V8 builds a spread followed by more fields
	// on a slow path (~2 µs) and gives each result a hidden class of its own, so every later
	// read of it (the op, the journal's JSON) misses V8's inline caches.
	return {
		ok: true,
		value: {
			sessionId: sessionId as number,
			nonce,
			scannedAt: at,
			source: source as CheckinSource,
			// A 10 KB "code" is malformed whatever it says: keep the journal small.
			code: byName ? null : normaliseCardCode(code as string).slice(0, 64),
			excerpt: byName ? `resident:${residentId}` : codeExcerpt(code as string),
			residentId: byName ? (residentId as number) : null
		}
	};
}
