import type { AuditAction } from '../../domain/audit-actions';
import type { Db } from '../store/database';
import type { OpContext, OpHandlers } from '../store/store';

export interface AuditEntry {
	action: AuditAction;
	subject?: string;
	detail?: string;
	device?: string;
}

/**
 * Appends one audit row. Op handlers that change personal data call this inside their own
 * transaction, so the change and its audit row land together or not at all.
 */
export function appendAudit(db: Db, ctx: OpContext, entry: AuditEntry): void {
	db.run(
		'INSERT INTO audit_log (at, actor_id, action, subject, detail, device) VALUES (?, ?, ?, ?, ?, ?)',
		[
			ctx.at,
			ctx.actor,
			entry.action,
			entry.subject ?? '',
			(entry.detail ?? '').slice(0, 2000),
			(entry.device ?? '').slice(0, 200)
		]
	);
}

export const auditOps: OpHandlers = {
	/** A read of personal data (a view, an export, a print): recorded on its own. */
	'audit.record': (db, entry: AuditEntry, ctx) => appendAudit(db, ctx, entry)
};
