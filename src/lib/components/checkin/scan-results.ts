import { formatTime } from '$lib/domain/time';
import type { QueuedScan } from './offline-queue';
import type { Sent } from './queue-sender';
import type { Seen } from './scan-memory';
import type { ScanResult } from './scan-client.svelte';

/** Why a scan did not reach the server, as `postScan` said it. */
export type NotSent = Extract<Sent, { delivered: false }>;

/**
 * A scan kept on the phone, said as what will happen to it: with the network back, after the
 * server can store again (a 503, its disk full: not the Wi-Fi, nothing for the volunteer to
 * fix), or only after signing in again, which the volunteer must do (the link to it is right
 * there: a hurried volunteer read "sẽ gửi khi có mạng" and went on scanning, while nothing
 * would go until someone signed in).
 */
export function keptResult(
	why: NotSent,
	sessionId: number,
	name: string | undefined,
	waiting: number
): ScanResult {
	const line = `Chờ gửi: ${waiting} lượt`;
	// A name picked from the search is said: the volunteer sees whom they tapped (a card's
	// owner is known only to the server).
	const who = name ? { detail: name, about: [line] } : { detail: line };
	if (why.auth) {
		return {
			kind: 'queued',
			title: 'Đã lưu, sẽ gửi sau khi đăng nhập lại',
			note: 'Phiên đăng nhập trên máy này đã hết.',
			...who,
			action: signInAgain(sessionId)
		};
	}
	if (why.server) {
		return {
			kind: 'queued',
			title: 'Đã lưu trên điện thoại, sẽ tự gửi lại sau',
			note: 'Máy chủ chưa ghi được lúc này.',
			...who
		};
	}
	return { kind: 'queued', title: 'Đã lưu, sẽ gửi khi có mạng', ...who };
}

/**
 * The same card (or person) again while their first scan still waits in the queue: nothing new
 * is kept, and the volunteer is told it is in hand, in amber like "already checked in".
 */
export function keptAgainResult(earlier: QueuedScan, why: NotSent, sessionId: number): ScanResult {
	const at = formatTime(earlier.scannedAt);
	return {
		kind: 'already',
		title: 'Đã lưu rồi, đang chờ gửi',
		note:
			earlier.code !== undefined
				? `Thẻ này đã quét lúc ${at}. Không cần quét lại.`
				: `Người này đã chọn lúc ${at}. Không cần chọn lại.`,
		detail: earlier.name ?? '',
		...(why.auth ? { action: signInAgain(sessionId) } : {})
	};
}

/** Someone this phone saw checked in, scanned again with the server out of reach. */
export const seenResult = (seen: Seen): ScanResult => ({
	kind: 'already',
	title: `Đã điểm danh lúc ${formatTime(seen.at)}`,
	detail: seen.name
});

const signInAgain = (sessionId: number) => ({
	href: `/dang-nhap?next=/diem-danh/${sessionId}`,
	label: 'Đăng nhập lại'
});
