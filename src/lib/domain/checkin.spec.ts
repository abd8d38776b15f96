import { describe, expect, it } from 'vitest';
import { codeExcerpt, decideCheckin, parseCheckinRequest, type CheckinFacts } from './checkin';

const CODE = 'THS' + 'A'.repeat(26);
const base: CheckinFacts = {
	code: CODE,
	session: { closedAt: null },
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
		expect(reason({ session: { closedAt: 900 } })).toBe('session_closed');
		expect(reason({ card: undefined })).toBe('unknown_card');
		expect(reason({ card: { residentId: 7, revokedAt: 800 } })).toBe('revoked');
		expect(reason({ code: null, residentExists: false, card: undefined })).toBe('unknown_resident');
	});

	it('counts an offline scan made before the session closed or the card was revoked', () => {
		expect(decideCheckin({ ...base, session: { closedAt: 2_000 } })).toEqual({ outcome: 'ok' });
		expect(decideCheckin({ ...base, card: { residentId: 7, revokedAt: 2_000 } })).toEqual({
			outcome: 'ok'
		});
	});
});

describe('parseCheckinRequest', () => {
	const now = 10_000_000_000;
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

	it('keeps the journal small whatever was scanned', () => {
		const parsed = parseCheckinRequest({ ...ok, code: 'x'.repeat(10_000) }, now);
		expect(parsed.ok && parsed.value.code!.length).toBe(64);
		expect(codeExcerpt('\u0000<script>')).toBe('?<script>');
	});
});
