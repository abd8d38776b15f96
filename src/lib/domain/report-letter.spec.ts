import { describe, expect, it } from 'vitest';
import { reportLetter } from './report-letter';

describe('the letter of a printed daily report', () => {
	it('a head of khu phố reports from the khu phố to the ward People’s Committee', () => {
		expect(reportLetter('head', 'Phường Hà Tu', 'Khu phố 3')).toEqual({
			unit: 'Khu phố 3',
			to: 'Kính gửi: Ủy ban nhân dân phường Hà Tu.',
			recipients: ['- UBND phường Hà Tu;', '- Lưu: khu phố.'],
			signer: 'TRƯỞNG KHU PHỐ'
		});
	});

	it('the ward officer reports to the ward’s Ban Chỉ đạo, never to the ward itself', () => {
		for (const neighborhood of [null, 'Khu phố 3']) {
			const letter = reportLetter('officer', 'Phường Hà Tu', neighborhood);
			expect(letter).toEqual({
				unit: null,
				to: 'Kính gửi: Ban Chỉ đạo phong trào “Bình dân học vụ số” phường Hà Tu.',
				recipients: ['- Như trên;', '- Chủ tịch UBND phường (để b/c);', '- Lưu: VT.'],
				signer: 'CÁN BỘ PHỤ TRÁCH CHUYỂN ĐỔI SỐ'
			});
			expect(letter.to).not.toContain('Ủy ban nhân dân');
			expect(letter.recipients.join(' ')).not.toContain('khu phố');
		}
	});
});
