import { describe, expect, it } from 'vitest';
import { errorSentence, errorTitle, isKioskPath } from './error-page';

describe('error pages', () => {
	it('name the kind of trouble in words, never a bare status code', () => {
		expect(errorTitle(404)).toBe('Không tìm thấy trang này');
		expect(errorTitle(403)).toBe('Tài khoản này không mở được trang này');
		expect(errorTitle(500)).toBe('Máy đang gặp trục trặc');
		expect(errorTitle(400)).toBe('Không mở được trang này');
		for (const status of [400, 401, 403, 404, 409, 500, 503]) {
			expect(errorTitle(status)).not.toMatch(/\d/);
		}
	});

	it('end a message with one full stop', () => {
		expect(errorSentence('Không có bài học này')).toBe('Không có bài học này.');
		expect(errorSentence('Có lỗi ở máy chủ. Xin bác thử lại sau ít phút.')).toBe(
			'Có lỗi ở máy chủ. Xin bác thử lại sau ít phút.'
		);
		expect(errorSentence('Sao vậy? ')).toBe('Sao vậy?');
	});

	it('tell the residents’ pages from the staff’s (a kiosk error never leads to the sign-in)', () => {
		for (const path of ['/', '/chu-de/thanh-toan', '/bai-hoc/vssid', '/bai-hoc/vssid/ghi-nhan']) {
			expect(isKioskPath(path), path).toBe(true);
		}
		for (const path of ['/dang-nhap', '/cu-dan', '/bai-hocx', '/chu-de-moi', '/bao-cao']) {
			expect(isKioskPath(path), path).toBe(false);
		}
	});
});
