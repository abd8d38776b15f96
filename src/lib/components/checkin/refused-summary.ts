import { REASON_TEXT, type CheckinReason } from '$lib/domain/checkin';
import { formatTime } from '$lib/domain/time';
import type { QueuedScan } from './offline-queue';

/** A queued scan the server refused when it finally got it (class closed, card revoked…). */
export interface RefusedScan {
	/** The scan's nonce: the key it is kept under on the phone. */
	nonce: string;
	sessionId: number;
	scannedAt: number;
	reason: string;
	/** The server's words, for a reason this device does not know. */
	message: string;
	/**
	 * The card's owner when the server named them, or whom the name search picked; null when
	 * neither is known (an unknown card, a search queued before the device kept names).
	 */
	name: string | null;
	/** Picked in the name search (sent by resident id), not scanned from a card. */
	byName: boolean;
}

/**
 * A queued scan the server refused, as the summary says it: a card's owner as the server named
 * them, a name search's person as this device picked them (the server names nobody for an id).
 */
export function refusedScan(body: Record<string, unknown>, scan: QueuedScan): RefusedScan {
	const resident = body.resident as { fullName?: string } | undefined;
	return {
		nonce: scan.nonce,
		sessionId: scan.sessionId,
		scannedAt: scan.scannedAt,
		reason: String(body.reason ?? ''),
		message: String(body.message ?? ''),
		name: resident?.fullName ?? scan.name ?? null,
		byName: scan.code === undefined
	};
}

/**
 * What the volunteer reads after the queue went out: one sentence per reason, naming whom,
 * e.g. "2 lượt chưa ghi được: Nguyễn Văn Hiếu, Nguyễn Văn Thử — Buổi học đã đóng lúc 11:40."
 * `here` is the page's class: its closing time as the page last saw it (null: open, or not
 * known) is said only of scans made for that class. A scan queued on another class's page
 * is said with the reason's words.
 */
export function refusedSummary(
	refused: RefusedScan[],
	here: { id: number; closedAt: number | null }
): string[] {
	const byReason = new Map<string, RefusedScan[]>();
	for (const r of refused) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r]);
	return [...byReason].map(([reason, scans]) => {
		const names = scans.flatMap((s) => (s.name ? [s.name] : []));
		// Nobody named: a card says "thẻ", a name search (no card at all) "người chọn theo tên".
		const cards = scans.filter((s) => !s.name && !s.byName).length;
		const searched = scans.filter((s) => !s.name && s.byName).length;
		if (cards > 0) names.push(cards === 1 ? 'một thẻ không rõ' : `${cards} thẻ không rõ`);
		if (searched > 0) {
			names.push(searched === 1 ? 'một người chọn theo tên' : `${searched} người chọn theo tên`);
		}
		const closedAt = scans.every((s) => s.sessionId === here.id) ? here.closedAt : null;
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
