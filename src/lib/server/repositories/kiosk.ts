import type { Reads } from '../store/database';

export interface HelpRequest {
	id: number;
	kiosk: string;
	place: string;
	at: number;
	answeredAt: number | null;
}

interface HelpRequestRow {
	id: number;
	kiosk: string;
	place: string;
	at: number;
	answered_at: number | null;
}

const fromRow = (r: HelpRequestRow): HelpRequest => ({
	id: r.id,
	kiosk: r.kiosk,
	place: r.place,
	at: r.at,
	answeredAt: r.answered_at
});

export function helpRequest(db: Reads, id: number): HelpRequest | undefined {
	const row = db.get<HelpRequestRow>(
		'SELECT id, kiosk, place, at, answered_at FROM help_requests WHERE id = ?',
		[id]
	);
	return row && fromRow(row);
}

/** Requests nobody has answered yet, oldest first (what a volunteer screen would list). */
export function openHelpRequests(db: Reads): HelpRequest[] {
	return db
		.all<HelpRequestRow>(
			'SELECT id, kiosk, place, at, answered_at FROM help_requests WHERE answered_at IS NULL ORDER BY at'
		)
		.map(fromRow);
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
