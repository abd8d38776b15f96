import { HELP_REPEAT_MS } from '../../domain/checkin-people';
import type { OpHandlers } from '../store/store';

/** A help request from a kiosk: which kiosk and where it stands. No person is recorded. */
export interface HelpRequestPayload {
	kiosk: string;
	place: string;
}

/** One anonymous lesson event: start, completion, or the step where someone left. */
export interface LessonEventPayload {
	walkthroughId: string;
	kind: 'start' | 'complete' | 'leave';
	step: number | null;
	kiosk: string;
}

/** How long a waiting help request absorbs new taps of the same kiosk's button. */
export const HELP_DEDUPE_MS = HELP_REPEAT_MS;

export const kioskOps: OpHandlers = {
	'kiosk.helpRequest': (db, p: HelpRequestPayload, ctx) => {
		// A second tap while a volunteer is already on the way is the same request, not a new one.
		const open = db.get<{ id: number; at: number }>(
			'SELECT id, at FROM help_requests WHERE kiosk = ? AND answered_at IS NULL AND at >= ? ORDER BY at DESC LIMIT 1',
			[p.kiosk, ctx.at - HELP_DEDUPE_MS]
		);
		if (open) return { id: open.id, at: open.at, repeated: true };
		db.run('INSERT INTO help_requests (kiosk, place, at) VALUES (?, ?, ?)', [
			p.kiosk,
			p.place,
			ctx.at
		]);
		return { id: db.value<number>('SELECT last_insert_rowid()'), at: ctx.at, repeated: false };
	},
	'kiosk.lessonEvent': (db, p: LessonEventPayload, ctx) => {
		db.run(
			'INSERT INTO lesson_events (walkthrough_id, kind, step, kiosk, at) VALUES (?, ?, ?, ?, ?)',
			[p.walkthroughId, p.kind, p.step, p.kiosk, ctx.at]
		);
	}
};
