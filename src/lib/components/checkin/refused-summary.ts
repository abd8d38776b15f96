import { REASON_TEXT, type CheckinReason } from '$lib/domain/checkin';
import { formatTime } from '$lib/domain/time';

/** A queued scan the server refused when it finally got it (class closed, card revoked…). */
export interface RefusedScan {
	reason: string;
	/** The server's words, for a reason this device does not know. */
	message: string;
	/** The card's owner when the server named them; null for an unknown card. */
	name: string | null;
}

/**
 * What the volunteer reads after the queue went out: one sentence per reason, naming whom,
 * e.g. "2 lượt chưa ghi được: Nguyễn Văn Hiếu, Nguyễn Văn Thử — Buổi học đã đóng lúc 11:40."
 * `closedAt` is the class's closing time as the page last saw it (null: not known).
 */
export function refusedSummary(refused: RefusedScan[], closedAt: number | null): string[] {
	const byReason = new Map<string, RefusedScan[]>();
	for (const r of refused) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r]);
	return [...byReason].map(([reason, scans]) => {
		const names = scans.flatMap((s) => (s.name ? [s.name] : []));
		const unknown = scans.length - names.length;
		if (unknown > 0) names.push(unknown === 1 ? 'một thẻ không rõ' : `${unknown} thẻ không rõ`);
		return `${scans.length} lượt chưa ghi được: ${names.join(', ')} — ${why(reason, scans[0].message, closedAt)}.`;
	});
}

function why(reason: string, message: string, closedAt: number | null): string {
	if (reason === 'session_closed' && closedAt !== null) {
		return `Buổi học đã đóng lúc ${formatTime(closedAt)}`;
	}
	const text = REASON_TEXT[reason as CheckinReason] ?? (message || `Lỗi ${reason}`);
	return text.replace(/[.!]$/, '');
}
