import { describe, expect, it } from 'vitest';
import { keptAgainResult, seenResult } from './scan-results';

// formatTime speaks Vietnam's time: 01:05 UTC is 08:05 there.
const AT_0805 = Date.UTC(2026, 2, 9, 1, 5);

describe('keptAgainResult', () => {
	it('says a card already waiting is in hand, in amber, with when it was scanned', () => {
		const earlier = {
			nonce: 'n',
			sessionId: 4,
			code: 'X',
			source: 'camera' as const,
			scannedAt: AT_0805
		};
		expect(keptAgainResult(earlier)).toEqual({
			kind: 'already',
			title: 'Đã lưu rồi, đang chờ gửi',
			note: 'Thẻ này đã quét lúc 08:05. Không cần quét lại.',
			detail: ''
		});
	});
	it('names a person picked by name', () => {
		const earlier = {
			nonce: 'n',
			sessionId: 4,
			residentId: 9,
			name: 'Lê Thị Hoa',
			source: 'search' as const,
			scannedAt: AT_0805
		};
		const result = keptAgainResult(earlier);
		expect(result.detail).toBe('Lê Thị Hoa');
		expect(result.note).toBe('Người này đã chọn lúc 08:05. Không cần chọn lại.');
	});
});

describe('seenResult', () => {
	it('says someone this phone saw checked in as the server would', () => {
		expect(seenResult({ at: AT_0805, name: 'Lê Thị Hoa' })).toEqual({
			kind: 'already',
			title: 'Đã điểm danh lúc 08:05',
			detail: 'Lê Thị Hoa'
		});
	});
});
