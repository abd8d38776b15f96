import { describe, expect, it } from 'vitest';
import {
	CLOCK_SKEW_MS,
	codeExcerpt,
	decideCheckin,
	parseCheckinRequest,
	type CheckinFacts
} from './checkin';

const CODE = 'THS' + 'A'.repeat(26);
const base: CheckinFacts = {
	code: CODE,
	session: { openedAt: null, closedAt: null },
	card: { residentId: 7, revokedAt: null },
	residentExists: true,
	earlier: undefined,
	scannedAt: 1_000
};

describe('decideCheckin', () => {
	it('checks in a good card to an open session', () => {
		expect(decideCheckin(base)).toEqual({ outcome: 'ok' });
	});

	it('answers "already" with the first time, not an error', () => {
		expect(decideCheckin({ ...base, earlier: { at: 500 } })).toEqual({
			outcome: 'already',
			firstAt: 500
		});
	});

	it('gives each problem its fixed reason', () => {
		const reason = (f: Partial<CheckinFacts>) => {
			const d = decideCheckin({ ...base, ...f });
			return d.outcome === 'error' ? d.reason : d.outcome;
		};
		expect(reason({ code: 'hello' })).toBe('malformed');
		expect(reason({ session: undefined })).toBe('no_session');
		expect(reason({ session: { openedAt: null, closedAt: 900 } })).toBe('session_closed');
		expect(reason({ session: { openedAt: 1_000 + CLOCK_SKEW_MS + 1, closedAt: null } })).toBe(
			'before_session'
		);
		expect(reason({ card: undefined })).toBe('unknown_card');
		expect(reason({ card: { residentId: 7, revokedAt: 800 } })).toBe('revoked');
		expect(reason({ code: null, residentExists: false, card: undefined })).toBe('unknown_resident');
	});

	it('counts an offline scan made before the session closed or the card was revoked', () => {
		expect(decideCheckin({ ...base, session: { openedAt: 500, closedAt: 2_000 } })).toEqual({
			outcome: 'ok'
		});
		expect(decideCheckin({ ...base, card: { residentId: 7, revokedAt: 2_000 } })).toEqual({
			outcome: 'ok'
		});
	});
});

describe('a scan made before its session was opened', () => {
	const opened = 100 * 24 * 3600_000;
	const scan = (scannedAt: number, f: Partial<CheckinFacts> = {}) =>
		decideCheckin({ ...base, session: { openedAt: opened, closedAt: null }, ...f, scannedAt });

	it('is refused: its time is back-dated, or the device clock is days off', () => {
		expect(scan(opened - 10 * 24 * 3600_000)).toEqual({
			outcome: 'error',
			reason: 'before_session'
		});
		// Closed since: the back-dated scan is still refused, not counted as "before closing".
		const closed = { openedAt: opened, closedAt: opened + 2 * 3600_000 };
		expect(scan(opened - 3600_000, { session: closed })).toEqual({
			outcome: 'error',
			reason: 'before_session'
		});
		// A revoked card dated before its revocation, but before the class too.
		const revoked = { residentId: 7, revokedAt: opened + 60_000 };
		expect(scan(opened - 3600_000, { card: revoked })).toEqual({
			outcome: 'error',
			reason: 'before_session'
		});
	});

	it('counts within the allowed clock lag, and is not bounded for a session of unknown opening', () => {
		expect(scan(opened - CLOCK_SKEW_MS)).toEqual({ outcome: 'ok' });
		expect(scan(opened - CLOCK_SKEW_MS - 1)).toEqual({
			outcome: 'error',
			reason: 'before_session'
		});
		expect(
			scan(opened - 10 * 24 * 3600_000, { session: { openedAt: null, closedAt: null } })
		).toEqual({ outcome: 'ok' });
	});
});

describe('parseCheckinRequest', () => {
	const now = Date.UTC(2026, 11, 2, 1);
	const ok = {
		code: ` ${CODE.toLowerCase()} `,
		sessionId: 3,
		nonce: 'abcdefgh',
		source: 'scanner'
	};

	it('normalises what a keyboard-wedge scanner types', () => {
		const parsed = parseCheckinRequest(ok, now);
		expect(parsed.ok && parsed.value.code).toBe(CODE);
	});

	it('refuses missing fields and clocks far off', () => {
		expect(parseCheckinRequest({ ...ok, nonce: 'x' }, now).ok).toBe(false);
		expect(parseCheckinRequest({ ...ok, source: 'fax' }, now).ok).toBe(false);
		expect(parseCheckinRequest({ ...ok, sessionId: '3' }, now).ok).toBe(false);
		expect(parseCheckinRequest({ ...ok, scannedAt: now + 3_600_000 }, now).ok).toBe(false);
	});

	it("puts a scan at the right time on the server's clock, however wrong the phone's is", () => {
		const at = (body: Record<string, unknown>) => {
			const parsed = parseCheckinRequest({ ...ok, ...body }, now);
			return parsed.ok ? parsed.value.scannedAt : parsed.message;
		};
		const HOUR = 3_600_000;
		// Scanned now on a phone an hour fast: alone, that time is refused; with the phone's
		// clock at sending it is now. Queued 2 minutes on a phone an hour slow: 2 minutes ago.
		expect(at({ scannedAt: now + HOUR })).toBe('"scannedAt" lệch quá xa so với giờ máy chủ.');
		expect(at({ scannedAt: now + HOUR, sentAt: now + HOUR })).toBe(now);
		expect(at({ scannedAt: now - HOUR, sentAt: now - HOUR + 120_000 })).toBe(now - 120_000);
		// The phone's clock set back while the scan waited: kept, at the time it arrived.
		expect(at({ scannedAt: now, sentAt: now - HOUR })).toBe(now);
		// Never a queue older than 14 days.
		expect(at({ scannedAt: now - 15 * 24 * HOUR, sentAt: now })).toBe(
			'Lượt quét này đã quá cũ (hơn 14 ngày).'
		);
		const millis = 'phải là thời điểm tính bằng mili giây kể từ 1970 (ví dụ Date.now()).';
		expect(at({ scannedAt: now, sentAt: 'sau' })).toBe(`"sentAt" ${millis}`);
		expect(at({ sentAt: 'hôm qua' })).toBe(`"sentAt" ${millis}`);
		// Seconds, not milliseconds: read as January 1970, so refused rather than misplaced.
		const seconds = Math.floor(now / 1000);
		expect(at({ scannedAt: seconds - 7200, sentAt: seconds })).toBe(`"scannedAt" ${millis}`);
		expect(at({ scannedAt: 1.5 })).toBe(`"scannedAt" ${millis}`);
		// Without either: now, decided by the store.
		expect(at({})).toBeNull();
	});

	it('keeps the journal small whatever was scanned', () => {
		const parsed = parseCheckinRequest({ ...ok, code: 'x'.repeat(10_000) }, now);
		expect(parsed.ok && parsed.value.code!.length).toBe(64);
		expect(codeExcerpt('\u0000<script>')).toBe('?<script>');
	});
});
