/**
 * Why the camera did not start, told apart so the screen says something a person can act on.
 *
 * A kiosk with no camera at all used to be told to "allow the camera": nobody at a kiosk can
 * change the browser's permissions, and no permission brings a missing camera. A phone that
 * refused the permission, on the other hand, can be told how to allow it.
 */
export type CameraProblem = 'none' | 'refused' | 'other';

/** Where the scanner runs: the public kiosk speaks to a resident, a phone to a volunteer. */
export type CameraDevice = 'kiosk' | 'phone';

/** getUserMedia's DOMException names (and Chromium's older ones) for "no such camera". */
const NO_CAMERA =
	/NotFoundError|DevicesNotFoundError|OverconstrainedError|ConstraintNotSatisfiedError/;
/** … and for "the camera is there but this page may not use it". */
const REFUSED = /NotAllowedError|PermissionDeniedError|SecurityError/;

/**
 * Classifies what starting the camera threw. html5-qrcode passes getUserMedia's error on only
 * as text ("Error getting userMedia, error = NotFoundError: …"), so a name is looked for in
 * the error's name or, failing that, its text.
 */
export function cameraProblem(error: unknown): CameraProblem {
	const text =
		error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
			? `${(error as { name?: unknown }).name} ${String(error)}`
			: String(error);
	if (NO_CAMERA.test(text)) return 'none';
	if (REFUSED.test(text)) return 'refused';
	return 'other';
}

/** What the screen says for each problem, before the other ways of being scanned. */
export const CAMERA_PROBLEM_TEXT: Record<CameraDevice, Record<CameraProblem, string>> = {
	kiosk: {
		none: 'Trạm này không có camera.',
		// The kiosk's browser is set up once by whoever installs it; a resident cannot allow it.
		refused: 'Camera của trạm đang bị tắt.',
		other: 'Chưa bật được camera của trạm.'
	},
	phone: {
		none: 'Máy này không có camera.',
		refused:
			'Trang chưa được phép dùng camera. Hãy cho phép trang dùng camera trong cài đặt của trình duyệt, rồi bấm “Bật camera”.',
		other: 'Chưa bật được camera. Có thể ứng dụng khác đang dùng camera.'
	}
};

/**
 * Whether a "Bật camera" button can help. A missing camera needs a person, not a button; a
 * refusal can be lifted on a phone, never by a resident at the kiosk.
 */
export function canRetry(device: CameraDevice, problem: CameraProblem): boolean {
	if (problem === 'none') return false;
	return device === 'phone' || problem === 'other';
}
