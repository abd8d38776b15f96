import { formatTime } from '$lib/domain/time';
import type { QueuedScan } from './offline-queue';
import type { Sent } from './queue-sender';
import type { Seen } from './scan-memory';
import type { ScanResult } from './scan-client.svelte';

/** Why a scan did not reach the server, as `postScan` said it. */
export type NotSent = Extract<Sent, { delivered: false }>;

/**
 * The same card (or person) again while their first scan still waits in the queue: nothing new
 * is kept, and the volunteer is told it is in hand, in amber like "already checked in".
 */
export function keptAgainResult(earlier: QueuedScan): ScanResult {
	const at = formatTime(earlier.scannedAt);
	return {
		kind: 'already',
		title: 'Đã lưu rồi, đang chờ gửi',
		note:
			earlier.code !== undefined
				? `Thẻ này đã quét lúc ${at}. Không cần quét lại.`
				: `Người này đã chọn lúc ${at}. Không cần chọn lại.`,
		detail: earlier.name ?? ''
	};
}

/** Someone this phone saw checked in, scanned again with the server out of reach. */
export const seenResult = (seen: Seen): ScanResult => ({
	kind: 'already',
	title: `Đã điểm danh lúc ${formatTime(seen.at)}`,
	detail: seen.name
});
