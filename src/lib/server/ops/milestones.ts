import { formatDay, vnDay } from '../../domain/time';
import { REASON_TEXT } from '../../domain/checkin';
import { consentWithdrawnSql } from '../repositories/privacy';
import { EVIDENCE_LABELS } from '../repositories/milestones';
import type { OpHandlers } from '../store/store';
import { appendAudit } from './audit';

/** A rule of the domain said no: the service turns `reason` into a 4xx with `message`. */
export class OpRejected extends Error {
	constructor(
		readonly reason: string,
		message: string
	) {
		super(message);
	}
}

export interface RecordMilestonePayload {
	residentId: number;
	skill: string;
	evidence: 'witnessed' | 'real';
	achievedOn: string;
}

export interface UndoMilestonePayload {
	residentId: number;
	milestoneId: number;
}

/**
 * Milestones are append-only facts: recording adds a row with its witness (the actor);
 * undoing marks the row (kept for history) and only on the day it was recorded.
 */
export const milestoneOps: OpHandlers = {
	'milestones.record': (db, p: RecordMilestonePayload, ctx) => {
		if (!db.value('SELECT count(*) FROM residents WHERE id = ?', [p.residentId])) {
			throw new OpRejected('not_found', 'Không tìm thấy cư dân này.');
		}
		if (db.value(`SELECT ${consentWithdrawnSql('?')}`, [p.residentId])) {
			// Their data waits for erasure: nothing new is recorded of them (Law 91/2025/QH15).
			throw new OpRejected('consent_withdrawn', `${REASON_TEXT.consent_withdrawn}.`);
		}
		if (!db.value('SELECT count(*) FROM skills WHERE code = ?', [p.skill])) {
			throw new OpRejected('unknown_skill', 'Không có mốc kỹ năng này.');
		}
		const same = db.value(
			'SELECT count(*) FROM milestones WHERE resident_id = ? AND skill_code = ? AND evidence = ? AND undone_at IS NULL',
			[p.residentId, p.skill, p.evidence]
		);
		if (same) {
			throw new OpRejected('already_recorded', 'Mốc này đã được ghi với cùng bằng chứng.');
		}
		const { lastId } = db.run(
			'INSERT INTO milestones (resident_id, skill_code, evidence, achieved_on, witness_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
			[p.residentId, p.skill, p.evidence, p.achievedOn, ctx.actor, ctx.at]
		);
		appendAudit(db, ctx, {
			action: 'milestone.record',
			subject: `resident:${p.residentId}`,
			detail: `${p.skill}, ${EVIDENCE_LABELS[p.evidence].toLowerCase()}, ngày ${formatDay(p.achievedOn)}`
		});
		return { id: lastId };
	},
	'milestones.undo': (db, p: UndoMilestonePayload, ctx) => {
		const row = db.get<{
			recorded_at: number;
			undone_at: number | null;
			witness_id: number | null;
		}>(
			'SELECT recorded_at, undone_at, witness_id FROM milestones WHERE id = ? AND resident_id = ?',
			[p.milestoneId, p.residentId]
		);
		if (!row) throw new OpRejected('not_found', 'Không tìm thấy mốc kỹ năng này.');
		if (row.undone_at !== null) throw new OpRejected('already_undone', 'Mốc này đã được huỷ.');
		if (vnDay(row.recorded_at) !== vnDay(ctx.at)) {
			throw new OpRejected('too_late', 'Chỉ huỷ được mốc ghi trong hôm nay.');
		}
		const role = db.value<string>('SELECT role FROM users WHERE id = ?', [ctx.actor]);
		if (row.witness_id !== ctx.actor && role !== 'officer') {
			throw new OpRejected('forbidden', 'Chỉ người đã ghi mốc này (hoặc cán bộ phường) được huỷ.');
		}
		db.run('UPDATE milestones SET undone_at = ?, undone_by = ? WHERE id = ?', [
			ctx.at,
			ctx.actor,
			p.milestoneId
		]);
		appendAudit(db, ctx, {
			action: 'milestone.undo',
			subject: `resident:${p.residentId}`,
			detail: `milestone:${p.milestoneId}`
		});
		return { id: p.milestoneId };
	}
};
