import { describe, expect, it } from 'vitest';
import { keptAgainResult, keptResult, seenResult } from './scan-results';

// formatTime speaks Vietnam's time: 01:05 UTC is 08:05 there.
const AT_0805 = Date.UTC(2026, 2, 9, 1, 5);

describe('keptResult', () => {
	it('says a scan kept for the network as before', () => {
		expect(keptResult({ delivered: false }, 4, undefined, 2)).toEqual({
			kind: 'queued',
			title: 'Đã lưu, sẽ gửi khi có mạng',
			detail: 'Chờ gửi: 2 lượt'
		});
	});
	it('says a scan kept because the sign-in ended goes only after signing in, with the way to', () => {
		const result = keptResult({ delivered: false, auth: true }, 4, 'Lê Thị Hoa', 1);
		expect(result.title).toBe('Đã lưu, sẽ gửi sau khi đăng nhập lại');
		expect(result.note).toBe('Phiên đăng nhập trên máy này đã hết.');
		expect(result.detail).toBe('Lê Thị Hoa');
		expect(result.about).toEqual(['Chờ gửi: 1 lượt']);
		expect(result.action).toEqual({ href: '/dang-nhap?next=/diem-danh/4', label: 'Đăng nhập lại' });
	});
	it('does not blame the network for a server that could not store the scan (5xx)', () => {
		const result = keptResult({ delivered: false, server: true }, 4, undefined, 1);
		expect(result.title).toBe('Đã lưu trên điện thoại, sẽ tự gửi lại sau');
		expect(result.note).toBe('Máy chủ chưa ghi được lúc này.');
		expect(JSON.stringify(result)).not.toContain('mạng');
	});
});

describe('keptAgainResult', () => {
	it('says a card already waiting is in hand, in amber, with when it was scanned', () => {
		const earlier = {
			nonce: 'n',
			sessionId: 4,
			code: 'X',
			source: 'camera' as const,
			scannedAt: AT_0805
		};
		expect(keptAgainResult(earlier, { delivered: false }, 4)).toEqual({
			kind: 'already',
			title: 'Đã lưu rồi, đang chờ gửi',
			note: 'Thẻ này đã quét lúc 08:05. Không cần quét lại.',
			detail: ''
		});
	});
	it('names a person picked by name, and gives the way to sign in when that is what holds it', () => {
		const earlier = {
			nonce: 'n',
			sessionId: 4,
			residentId: 9,
			name: 'Lê Thị Hoa',
			source: 'search' as const,
			scannedAt: AT_0805
		};
		const result = keptAgainResult(earlier, { delivered: false, auth: true }, 4);
		expect(result.detail).toBe('Lê Thị Hoa');
		expect(result.note).toBe('Người này đã chọn lúc 08:05. Không cần chọn lại.');
		expect(result.action?.label).toBe('Đăng nhập lại');
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
