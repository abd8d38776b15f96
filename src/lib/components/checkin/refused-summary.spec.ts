import { describe, expect, it } from 'vitest';
import { refusedScan, refusedSummary } from './refused-summary';

// 11:40 in Vietnam (UTC+7).
const CLOSED = Date.UTC(2026, 11, 2, 4, 40);
/** The page's class (3), closed at 11:40, or still open. */
const HERE_CLOSED = { id: 3, closedAt: CLOSED };
const HERE_OPEN = { id: 3, closedAt: null };
let nonces = 0;
/** A refused scan made on this page's class. */
const kept = (r: { reason: string; message: string; name: string | null; byName: boolean }) => ({
	nonce: `n-${++nonces}`,
	sessionId: 3,
	scannedAt: nonces,
	...r
});

describe('refusedSummary', () => {
	it('names whom, says why and when the class closed', () => {
		const closed = { reason: 'session_closed', message: 'Buổi học đã đóng', byName: false };
		expect(
			refusedSummary(
				[kept({ ...closed, name: 'Nguyễn Văn Hiếu' }), kept({ ...closed, name: 'Nguyễn Văn Thử' })],
				HERE_CLOSED
			)
		).toEqual([
			'2 lượt chưa ghi được: Nguyễn Văn Hiếu, Nguyễn Văn Thử — Buổi học đã đóng lúc 11:40.'
		]);
	});

	it('counts cards nobody is known for, one sentence per reason', () => {
		expect(
			refusedSummary(
				[
					kept({ reason: 'unknown_card', message: 'x', name: null, byName: false }),
					kept({ reason: 'revoked', message: 'x', name: 'Trần Thị Lan', byName: false }),
					kept({ reason: 'unknown_card', message: 'x', name: null, byName: false })
				],
				HERE_OPEN
			)
		).toEqual([
			'2 lượt chưa ghi được: 2 thẻ không rõ — Không có thẻ nào mang mã này.',
			'1 lượt chưa ghi được: Trần Thị Lan — Thẻ này đã bị thu hồi — xin dùng thẻ mới.'
		]);
	});

	it("uses the server's words for a reason it does not know", () => {
		expect(
			refusedSummary(
				[kept({ reason: 'invalid', message: 'Lượt quét quá cũ.', name: null, byName: false })],
				HERE_OPEN
			)
		).toEqual(['1 lượt chưa ghi được: một thẻ không rõ — Lượt quét quá cũ.']);
	});

	it('says a reused scan id in words, not as its code', () => {
		expect(
			refusedSummary(
				[kept({ reason: 'nonce_reused', message: '', name: 'Trần Thị Lan', byName: false })],
				HERE_OPEN
			)
		).toEqual([
			'1 lượt chưa ghi được: Trần Thị Lan — Mã của lượt quét này đã được dùng cho một lượt quét khác — xin quét lại.'
		]);
	});

	it('says a reason added since in words too', () => {
		expect(
			refusedSummary(
				[kept({ reason: 'before_session', message: '', name: null, byName: false })],
				HERE_OPEN
			)
		).toEqual([
			'1 lượt chưa ghi được: một thẻ không rõ — Giờ quét sớm hơn lúc mở buổi học — xin xem lại ngày giờ trên máy đã quét.'
		]);
	});
});

describe('a refused scan picked in the name search', () => {
	const closedClass = { status: 'error', reason: 'session_closed', message: 'Buổi học đã đóng' };
	const scan = { nonce: 'n-1', sessionId: 3, source: 'search' as const, scannedAt: 0 };

	it('is said by the name this device picked (the server names nobody for an id)', () => {
		const refused = refusedScan(closedClass, { ...scan, residentId: 5, name: 'Hoàng Văn Năm' });
		expect(refused).toEqual({
			nonce: 'n-1',
			sessionId: 3,
			scannedAt: 0,
			reason: 'session_closed',
			message: 'Buổi học đã đóng',
			name: 'Hoàng Văn Năm',
			byName: true
		});
		expect(refusedSummary([refused], HERE_CLOSED)).toEqual([
			'1 lượt chưa ghi được: Hoàng Văn Năm — Buổi học đã đóng lúc 11:40.'
		]);
	});

	it('is a person, not "a card", when no name was kept (queued by an older page)', () => {
		const card = refusedScan(closedClass, { ...scan, source: 'camera', code: 'THS…' });
		const searches = [1, 2].map((residentId) => refusedScan(closedClass, { ...scan, residentId }));
		expect(refusedSummary([card, ...searches], HERE_CLOSED)).toEqual([
			'3 lượt chưa ghi được: một thẻ không rõ, 2 người chọn theo tên — Buổi học đã đóng lúc 11:40.'
		]);
		expect(refusedSummary(searches.slice(1), HERE_OPEN)).toEqual([
			'1 lượt chưa ghi được: một người chọn theo tên — Buổi học đã đóng.'
		]);
	});

	it("is not given this class's closing time when it was made for another class", () => {
		const elsewhere = refusedScan(closedClass, {
			...scan,
			sessionId: 9,
			residentId: 5,
			name: 'An'
		});
		const here = refusedScan(closedClass, { ...scan, nonce: 'n-2', residentId: 6, name: 'Bình' });
		expect(refusedSummary([elsewhere], HERE_CLOSED)).toEqual([
			'1 lượt chưa ghi được: An — Buổi học đã đóng.'
		]);
		expect(refusedSummary([here, elsewhere], HERE_CLOSED)).toEqual([
			'2 lượt chưa ghi được: Bình, An — Buổi học đã đóng.'
		]);
		expect(refusedSummary([here], HERE_CLOSED)).toEqual([
			'1 lượt chưa ghi được: Bình — Buổi học đã đóng lúc 11:40.'
		]);
	});

	it('of a card is still said by the owner the server named', () => {
		const named = { ...closedClass, resident: { id: 7, fullName: 'Đỗ Văn Bảy' } };
		expect(refusedScan(named, { ...scan, source: 'camera', code: 'THS…' }).name).toBe('Đỗ Văn Bảy');
	});
});
