import type { OpHandlers } from '../store/store';
import { HELP_OPEN_SQL, latestOfHelpCall } from '../repositories/kiosk';
import { appendAudit } from './audit';

export interface SessionOpenPayload {
	title: string;
	topic: string | null;
	walkthroughId: string | null;
	place: string;
	neighborhoodId: number | null;
	startsAt: number;
}

export const sessionOps: OpHandlers = {
	'sessions.open': (db, p: SessionOpenPayload, ctx) => {
		// opened_at is the op's own time (the journal's, so a replay sets the same): no scan to
		// this session can be older, whatever starts_at says (migration 0011).
		const id = db.run(
			'INSERT INTO class_sessions (title, topic, walkthrough_id, place, neighborhood_id, starts_at, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
			[p.title, p.topic, p.walkthroughId, p.place, p.neighborhoodId, p.startsAt, ctx.actor, ctx.at]
		).lastId;
		appendAudit(db, ctx, { action: 'session.open', subject: `session:${id}` });
		return { id };
	},

	/** Closing twice keeps the first closing time. */
	'sessions.close': (db, p: { sessionId: number }, ctx) => {
		const row = db.get<{ closed_at: number | null }>(
			'SELECT closed_at FROM class_sessions WHERE id = ?',
			[p.sessionId]
		);
		if (!row) throw new Error(`no session ${p.sessionId}`);
		if (row.closed_at !== null) return { closedAt: row.closed_at };
		db.run('UPDATE class_sessions SET closed_at = ? WHERE id = ?', [ctx.at, p.sessionId]);
		appendAudit(db, ctx, { action: 'session.close', subject: `session:${p.sessionId}` });
		return { closedAt: ctx.at };
	},

	/**
	 * A volunteer went to the kiosk that called. A call the kiosk has since replaced with a
	 * newer one (called again) is that newer call now: the volunteer tapped a line their page
	 * still showed, and the kiosk waits on the newer one. A withdrawn call is not taken: the
	 * resident had gone, and the volunteer is told so.
	 */
	'help.answer': (db, p: { id: number }, ctx) => {
		const call = latestOfHelpCall(db, p.id);
		if (!call) return { answered: false, id: p.id, withdrawn: false };
		const changed = db.run(
			`UPDATE help_requests SET answered_at = ?, answered_by = ? WHERE id = ? AND ${HELP_OPEN_SQL}`,
			[ctx.at, ctx.actor, call.id]
		).changes;
		return { answered: changed > 0, id: call.id, withdrawn: call.closedAs === 'withdrawn' };
	}
};
