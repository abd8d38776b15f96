import {
	decideCheckin,
	type CheckinFacts,
	type CheckinReason,
	type CheckinSource
} from '../../domain/checkin';
import { isWellFormedCardCode } from '../../domain/card-code';
import {
	residentBriefRow,
	toBrief,
	type BriefRow,
	type ResidentBrief
} from '../repositories/residents';
import type { Db } from '../store/database';
import { consentWithdrawnSql } from '../repositories/privacy';
import type { OpContext, OpHandlers } from '../store/store';
import { appendAudit } from './audit';

export interface CheckinPayload {
	code: string | null;
	excerpt: string;
	residentId: number | null;
	sessionId: number;
	nonce: string;
	/** When the device scanned; null means "now" (ctx.at). */
	scannedAt: number | null;
	source: CheckinSource;
}

/**
 * Who was checked in and how many the session has checked in now, read by the op's own
 * lookups so the answer needs no more queries (absent for a replayed nonce: the service
 * reads them then).
 */
interface CheckedIn {
	residentId: number;
	resident?: ResidentBrief;
	count?: number;
}

export type CheckinResult =
	| ({ outcome: 'ok'; at: number; replay: boolean } & CheckedIn)
	| ({ outcome: 'already'; firstAt: number } & CheckedIn)
	| { outcome: 'error'; reason: CheckinReason; resident?: ResidentBrief };

function logFailure(
	db: Db,
	ctx: OpContext,
	p: { sessionId: number | null; excerpt: string; source: string },
	reason: CheckinReason
): void {
	db.run(
		'INSERT INTO failed_scans (session_id, code_excerpt, reason, source, volunteer_id, at) VALUES (?, ?, ?, ?, ?, ?)',
		[p.sessionId, p.excerpt, reason, p.source, ctx.actor, ctx.at]
	);
}

/**
 * What this nonce already stands for, if anything. The same scan sent again (a retry after a
 * lost answer: same session, same person, by card or by name) gets its first answer. The
 * nonce on any other check-in is an incident, not a duplicate (DESIGN.md: an op id repeated
 * with a different payload): 'reused', so the scan is refused rather than answered "ok" for a
 * person who was never recorded. A row whose person was erased matches nobody.
 */
function priorUse(
	db: Db,
	p: CheckinPayload,
	residentId: number | null
): CheckinResult | 'reused' | undefined {
	const prior = db.get<{ session_id: number; resident_id: number | null; checked_in_at: number }>(
		'SELECT session_id, resident_id, checked_in_at FROM attendance WHERE nonce = ?',
		[p.nonce]
	);
	if (!prior) return undefined;
	if (
		prior.session_id !== p.sessionId ||
		prior.resident_id === null ||
		prior.resident_id !== residentId
	) {
		return 'reused';
	}
	return { outcome: 'ok', residentId: prior.resident_id, at: prior.checked_in_at, replay: true };
}

/**
 * A refusal, logged. Only a card scan names whose card it was, so that a queued card scan
 * refused later can say so. A scan by resident id names nobody: its device picked that person
 * from a name search and knows the name, and naming whoever an id belongs to would turn any
 * id into a name without a card in hand.
 */
function refuse(
	db: Db,
	ctx: OpContext,
	p: CheckinPayload,
	reason: CheckinReason,
	residentId: number | null,
	resident: BriefRow | undefined
): CheckinResult {
	logFailure(db, ctx, p, reason);
	return p.code !== null && resident
		? { outcome: 'error', reason, resident: toBrief(residentId!, resident) }
		: { outcome: 'error', reason };
}

/**
 * One scan, decided inside the store's single writer: two volunteers scanning the same card
 * at once are two ops applied one after the other, so the second sees the first's row.
 *
 * A new check-in is by far the most common case, so it is tried first: decided as if the
 * person were not in yet, and inserted unless the nonce or the person is already there
 * (the table's unique keys). Only when the insert finds one of them is it looked up which:
 * two statements fewer for every new check-in (a sixth of its SQL at 1M rows). The answers
 * are the same as looking both up first.
 */
function checkin(db: Db, p: CheckinPayload, ctx: OpContext): CheckinResult {
	const scannedAt = p.scannedAt ?? ctx.at;
	const session = db.get<{
		opened_at: number | null;
		closed_at: number | null;
		checked_in: number;
	}>('SELECT opened_at, closed_at, checked_in FROM class_sessions WHERE id = ?', [p.sessionId]);
	const card =
		p.code !== null && isWellFormedCardCode(p.code)
			? db.get<{ resident_id: number; revoked_at: number | null }>(
					'SELECT resident_id, revoked_at FROM cards WHERE code = ?',
					[p.code]
				)
			: undefined;
	const residentId = p.code !== null ? (card?.resident_id ?? null) : p.residentId;
	const resident = residentId === null ? undefined : residentBriefRow(db, residentId);
	const facts: CheckinFacts = {
		code: p.code,
		session: session && { openedAt: session.opened_at, closedAt: session.closed_at },
		card: card && { residentId: card.resident_id, revokedAt: card.revoked_at },
		residentExists: resident !== undefined,
		consentWithdrawn: resident?.consent_withdrawn === 1,
		earlier: undefined,
		scannedAt
	};
	const decision = decideCheckin(facts);
	if (decision.outcome === 'error') {
		// A retry of a scan that got in (say before the session was closed) still gets its answer.
		const prior = priorUse(db, p, residentId);
		if (prior && prior !== 'reused') return prior;
		return refuse(db, ctx, p, prior ? 'nonce_reused' : decision.reason, residentId, resident);
	}
	const { changes } = db.run(
		'INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, volunteer_id, nonce) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
		[p.sessionId, residentId, resident!.neighborhood_id, scannedAt, p.source, ctx.actor, p.nonce]
	);
	if (changes === 1) {
		return {
			outcome: 'ok',
			residentId: residentId!,
			at: scannedAt,
			replay: false,
			resident: toBrief(residentId!, resident!),
			// The session's count before, and this check-in (migration 0007 keeps it by trigger).
			count: session!.checked_in + 1
		};
	}
	const prior = priorUse(db, p, residentId);
	if (prior === 'reused') return refuse(db, ctx, p, 'nonce_reused', residentId, resident);
	if (prior) return prior;
	const earlier = db.get<{ checked_in_at: number }>(
		'SELECT checked_in_at FROM attendance WHERE session_id = ? AND resident_id = ?',
		[p.sessionId, residentId]
	);
	const already = earlier && decideCheckin({ ...facts, earlier: { at: earlier.checked_in_at } });
	if (already?.outcome !== 'already') {
		// The insert met a unique key, yet neither the nonce nor this person is there.
		throw new Error(`check-in of resident ${residentId} conflicted with no earlier row`);
	}
	return {
		outcome: 'already',
		residentId: residentId!,
		firstAt: already.firstAt,
		resident: toBrief(residentId!, resident!),
		count: session!.checked_in
	};
}

export interface CompletionPayload {
	code: string;
	excerpt: string;
	walkthroughId: string;
	kiosk: string;
	nonce: string;
}

export type CompletionResult = { outcome: 'ok' } | { outcome: 'error'; reason: CheckinReason };

/** A resident showed their card at the kiosk after a lesson: a completion, not a milestone. */
function completion(db: Db, p: CompletionPayload, ctx: OpContext): CompletionResult {
	const prior = db.get<{ resident_id: number | null; walkthrough_id: string; code: string | null }>(
		`SELECT l.resident_id, l.walkthrough_id,
			(SELECT code FROM cards WHERE code = ? AND resident_id = l.resident_id) AS code
		 FROM lesson_completions l WHERE l.nonce = ?`,
		[p.code, p.nonce]
	);
	if (prior) {
		// The same card and lesson sent again is a retry; the nonce on anything else is an
		// incident, refused like a check-in's (nonce_reused), not answered "ok" for nobody.
		if (prior.code !== null && prior.walkthrough_id === p.walkthroughId) return { outcome: 'ok' };
		logFailure(db, ctx, { sessionId: null, excerpt: p.excerpt, source: 'kiosk' }, 'nonce_reused');
		return { outcome: 'error', reason: 'nonce_reused' };
	}
	const card = isWellFormedCardCode(p.code)
		? db.get<{ resident_id: number; revoked_at: number | null; withdrawn: number | null }>(
				`SELECT c.resident_id, c.revoked_at, ${consentWithdrawnSql('c.resident_id')} AS withdrawn
				 FROM cards c WHERE c.code = ?`,
				[p.code]
			)
		: undefined;
	const reason: CheckinReason | null = !isWellFormedCardCode(p.code)
		? 'malformed'
		: !card
			? 'unknown_card'
			: card.revoked_at !== null
				? 'revoked'
				: card.withdrawn === 1
					? 'consent_withdrawn'
					: null;
	if (reason) {
		logFailure(db, ctx, { sessionId: null, excerpt: p.excerpt, source: 'kiosk' }, reason);
		return { outcome: 'error', reason };
	}
	db.run(
		'INSERT INTO lesson_completions (resident_id, walkthrough_id, kiosk, at, nonce) VALUES (?, ?, ?, ?, ?)',
		[card!.resident_id, p.walkthroughId, p.kiosk, ctx.at, p.nonce]
	);
	return { outcome: 'ok' };
}

export type UndoResult =
	{ undone: true } | { undone: false; reason: 'not_checked_in' | 'session_closed' };

/**
 * Takes back one check-in (a volunteer tapped the wrong one of four namesakes), while the
 * class is open. The row goes: the triggers put the class's count and the resident's first
 * day back, and the audit log keeps who did it. A scan of it still queued on a phone would
 * check the person in again: then it shows in the list, to be taken back once more.
 */
function undo(db: Db, p: { sessionId: number; residentId: number }, ctx: OpContext): UndoResult {
	const session = db.get<{ closed_at: number | null }>(
		'SELECT closed_at FROM class_sessions WHERE id = ?',
		[p.sessionId]
	);
	if (!session || session.closed_at !== null) return { undone: false, reason: 'session_closed' };
	const gone = db.run('DELETE FROM attendance WHERE session_id = ? AND resident_id = ?', [
		p.sessionId,
		p.residentId
	]).changes;
	if (gone === 0) return { undone: false, reason: 'not_checked_in' };
	// The person's own record lists it (a resident's copy of what was done with their data).
	appendAudit(db, ctx, {
		action: 'checkin.undo',
		subject: `resident:${p.residentId}`,
		detail: `Buổi học #${p.sessionId}`
	});
	return { undone: true };
}

export const checkinOps: OpHandlers = {
	'checkin.scan': checkin,
	'checkin.undo': undo,
	'kiosk.completion': completion
};
