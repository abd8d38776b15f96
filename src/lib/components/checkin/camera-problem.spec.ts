import { describe, expect, it } from 'vitest';
import { CAMERA_PROBLEM_TEXT, cameraProblem, canRetry } from './camera-problem';

/** What Chromium's getUserMedia throws, as a DOMException-like object. */
const thrown = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('cameraProblem', () => {
	it('tells a missing camera from a refused one', () => {
		expect(cameraProblem(thrown('NotFoundError', 'Requested device not found'))).toBe('none');
		expect(cameraProblem(thrown('OverconstrainedError'))).toBe('none');
		expect(cameraProblem(thrown('NotAllowedError', 'Permission denied'))).toBe('refused');
		expect(cameraProblem(thrown('NotReadableError', 'Could not start video source'))).toBe('other');
	});

	it("reads html5-qrcode's text, which is all it passes on", () => {
		expect(
			cameraProblem('Error getting userMedia, error = NotFoundError: Requested device not found')
		).toBe('none');
		expect(
			cameraProblem('Error getting userMedia, error = NotAllowedError: Permission denied')
		).toBe('refused');
		expect(cameraProblem(undefined)).toBe('other');
	});
});

describe('what each screen says', () => {
	it('tells the kiosk it has no camera, without asking anyone to allow one', () => {
		expect(CAMERA_PROBLEM_TEXT.kiosk.none).toBe('Trạm này không có camera.');
		for (const text of Object.values(CAMERA_PROBLEM_TEXT.kiosk)) {
			expect(text).not.toMatch(/cho phép/);
			expect(text).toBe(text.normalize('NFC'));
		}
	});

	it('still tells a phone that refused how to allow the camera', () => {
		expect(CAMERA_PROBLEM_TEXT.phone.refused).toMatch(/Hãy cho phép trang dùng camera/);
		expect(CAMERA_PROBLEM_TEXT.phone.none).not.toMatch(/cho phép/);
	});

	it('offers "Bật camera" only where pressing it can help', () => {
		expect(canRetry('kiosk', 'none')).toBe(false);
		expect(canRetry('phone', 'none')).toBe(false);
		expect(canRetry('kiosk', 'refused')).toBe(false);
		expect(canRetry('phone', 'refused')).toBe(true);
		expect(canRetry('kiosk', 'other')).toBe(true);
	});
});
