import { HELP_OPEN_MS, HELP_REPEAT_MS } from '../../domain/checkin-people';
import { HELP_OPEN_SQL } from '../repositories/kiosk';
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
	/**
	 * A call as kiosks made them before migration 0017 (old journals replay through it): a tap
	 * joined the kiosk's open call of the last two minutes, else a new call; nothing ended.
	 */
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
	/** A kiosk's call for a volunteer, from migration 0017 on: one open call per kiosk. */
	'kiosk.helpCall': (db, p: HelpRequestPayload, ctx) => {
		// A second tap while a volunteer is already on the way is the same request, not a new one.
		const open = db.get<{ id: number; at: number }>(
			`SELECT id, at FROM help_requests WHERE kiosk = ? AND ${HELP_OPEN_SQL} AND at >= ? ORDER BY at DESC LIMIT 1`,
			[p.kiosk, ctx.at - HELP_DEDUPE_MS]
		);
		if (open) {
			db.run('UPDATE help_requests SET taps = taps + 1 WHERE id = ?', [open.id]);
			return { id: open.id, at: open.at, repeated: true };
		}
		const id = db.run('INSERT INTO help_requests (kiosk, place, at) VALUES (?, ?, ?)', [
			p.kiosk,
			p.place,
			ctx.at
		]).lastId;
		// Called again (nobody took the last call in ten minutes, or the next resident): this is
		// the kiosk's call now. Its earlier one still listed ends, pointing here, so volunteers
		// see one line per kiosk, and whoever takes the older line takes this one (help.answer).
		// Calls too old to be listed stay as they were: nothing replaced them, nobody took them.
		db.run(
			`UPDATE help_requests SET closed_at = ?, closed_as = 'replaced', replaced_by = ?
			 WHERE kiosk = ? AND id <> ? AND ${HELP_OPEN_SQL} AND at > ?`,
			[ctx.at, id, p.kiosk, id, ctx.at - HELP_OPEN_MS]
		);
		return { id, at: ctx.at, repeated: false };
	},
	/**
	 * The kiosk cleared itself for the next person (left alone): whoever called has gone, so
	 * no volunteer should still walk over. Only an open call ends so; one that another screen
	 * of this kiosk joined stays (its resident may still be there) until taken or too old.
	 */
	'kiosk.helpWithdraw': (db, p: { id: number }, ctx) => {
		const changed = db.run(
			`UPDATE help_requests SET closed_at = ?, closed_as = 'withdrawn'
			 WHERE id = ? AND ${HELP_OPEN_SQL} AND taps = 1`,
			[ctx.at, p.id]
		).changes;
		return { withdrawn: changed > 0 };
	},
	'kiosk.lessonEvent': (db, p: LessonEventPayload, ctx) => {
		db.run(
			'INSERT INTO lesson_events (walkthrough_id, kind, step, kiosk, at) VALUES (?, ?, ?, ?, ?)',
			[p.walkthroughId, p.kind, p.step, p.kiosk, ctx.at]
		);
	}
};
