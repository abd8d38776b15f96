import type { Reads } from '../store/database';

/** A call still open: nobody took it, and it did not end (migration 0017). */
export const HELP_OPEN_SQL = 'answered_at IS NULL AND closed_at IS NULL';

/** How a call ended without a volunteer taking it (migration 0017). */
export type HelpCallEnd = 'withdrawn' | 'replaced';

export interface HelpRequest {
	id: number;
	kiosk: string;
	place: string;
	at: number;
	answeredAt: number | null;
	closedAt: number | null;
	closedAs: HelpCallEnd | null;
	replacedBy: number | null;
}

interface HelpRequestRow {
	id: number;
	kiosk: string;
	place: string;
	at: number;
	answered_at: number | null;
	closed_at: number | null;
	closed_as: HelpCallEnd | null;
	replaced_by: number | null;
}

const fromRow = (r: HelpRequestRow): HelpRequest => ({
	id: r.id,
	kiosk: r.kiosk,
	place: r.place,
	at: r.at,
	answeredAt: r.answered_at,
	closedAt: r.closed_at,
	closedAs: r.closed_as,
	replacedBy: r.replaced_by
});

const COLUMNS = 'id, kiosk, place, at, answered_at, closed_at, closed_as, replaced_by';

export function helpRequest(db: Reads, id: number): HelpRequest | undefined {
	const row = db.get<HelpRequestRow>(`SELECT ${COLUMNS} FROM help_requests WHERE id = ?`, [id]);
	return row && fromRow(row);
}

/**
 * Call `id`, or the call that replaced it when its kiosk called again (and the one that
 * replaced that): the call carrying that kiosk's need now. Undefined for no such call.
 */
export function latestOfHelpCall(db: Reads, id: number): HelpRequest | undefined {
	let row = db.get<HelpRequestRow>(`SELECT ${COLUMNS} FROM help_requests WHERE id = ?`, [id]);
	// Each replacement is a newer call (a larger id): the walk ends, however long the chain.
	while (row?.replaced_by != null && row.replaced_by > row.id) {
		row = db.get<HelpRequestRow>(`SELECT ${COLUMNS} FROM help_requests WHERE id = ?`, [
			row.replaced_by
		]);
	}
	return row && fromRow(row);
}

export interface LessonEventCounts {
	walkthroughId: string;
	starts: number;
	completions: number;
	leaves: number;
}

/** Anonymous usage per lesson since a time (for the heads' dashboards). */
export function lessonEventCounts(db: Reads, since: number): LessonEventCounts[] {
	return db
		.all<{ walkthrough_id: string; starts: number; completions: number; leaves: number }>(
			`SELECT walkthrough_id,
				sum(kind = 'start') AS starts,
				sum(kind = 'complete') AS completions,
				sum(kind = 'leave') AS leaves
			FROM lesson_events WHERE at >= ? GROUP BY walkthrough_id ORDER BY walkthrough_id`,
			[since]
		)
		.map((r) => ({
			walkthroughId: r.walkthrough_id,
			starts: r.starts,
			completions: r.completions,
			leaves: r.leaves
		}));
}
