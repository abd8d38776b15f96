import { describe, expect, it } from 'vitest';
import { refusedSummary } from './refused-summary';

// 11:40 in Vietnam (UTC+7).
const CLOSED = Date.UTC(2026, 11, 2, 4, 40);

describe('refusedSummary', () => {
	it('names whom, says why and when the class closed', () => {
		const closed = { reason: 'session_closed', message: 'Buổi học đã đóng' };
		expect(
			refusedSummary(
				[
					{ ...closed, name: 'Nguyễn Văn Hiếu' },
					{ ...closed, name: 'Nguyễn Văn Thử' }
				],
				CLOSED
			)
		).toEqual([
			'2 lượt chưa ghi được: Nguyễn Văn Hiếu, Nguyễn Văn Thử — Buổi học đã đóng lúc 11:40.'
		]);
	});

	it('counts cards nobody is known for, one sentence per reason', () => {
		expect(
			refusedSummary(
				[
					{ reason: 'unknown_card', message: 'x', name: null },
					{ reason: 'revoked', message: 'x', name: 'Trần Thị Lan' },
					{ reason: 'unknown_card', message: 'x', name: null }
				],
				null
			)
		).toEqual([
			'2 lượt chưa ghi được: 2 thẻ không rõ — Không có thẻ nào mang mã này.',
			'1 lượt chưa ghi được: Trần Thị Lan — Thẻ này đã bị thu hồi — xin dùng thẻ mới.'
		]);
	});

	it("uses the server's words for a reason it does not know", () => {
		expect(
			refusedSummary([{ reason: 'invalid', message: 'Lượt quét quá cũ.', name: null }], null)
		).toEqual(['1 lượt chưa ghi được: một thẻ không rõ — Lượt quét quá cũ.']);
	});

	it('says a reused scan id in words, not as its code', () => {
		expect(
			refusedSummary([{ reason: 'nonce_reused', message: '', name: 'Trần Thị Lan' }], null)
		).toEqual([
			'1 lượt chưa ghi được: Trần Thị Lan — Mã của lượt quét này đã dùng cho một lượt điểm danh khác — xin quét lại.'
		]);
	});
});
