import type { Reads } from '../store/database';

export interface AuditFilter {
	/** A user's id (digits) or username. */
	actor?: string;
	/** Exact subject, e.g. `resident:12`, `user:3`. */
	subject?: string;
	action?: string;
	/** Unix ms, inclusive. */
	from?: number;
	/** Unix ms, exclusive. */
	to?: number;
	/** Rows with an id below this (paging backwards from the newest). */
	before?: number;
	limit: number;
}

export interface AuditRow {
	id: number;
	at: number;
	actorId: number | null;
	actorUsername: string | null;
	actorName: string | null;
	action: string;
	subject: string;
	detail: string;
	device: string;
}

/** Newest first. Every filter is a bound parameter; the SQL text is fixed per filter set. */
export function findAudit(db: Reads, f: AuditFilter): AuditRow[] {
	const where: string[] = [];
	const params: Array<string | number> = [];
	if (f.actor !== undefined) {
		if (/^\d+$/.test(f.actor)) {
			where.push('a.actor_id = ?');
			params.push(Number(f.actor));
		} else {
			where.push('u.username = ?');
			params.push(f.actor);
		}
	}
	const add = (clause: string, value: string | number | undefined) => {
		if (value === undefined) return;
		where.push(clause);
		params.push(value);
	};
	add('a.subject = ?', f.subject);
	add('a.action = ?', f.action);
	add('a.at >= ?', f.from);
	add('a.at < ?', f.to);
	add('a.id < ?', f.before);
	params.push(f.limit);
	return db
		.all<{
			id: number;
			at: number;
			actor_id: number | null;
			username: string | null;
			display_name: string | null;
			action: string;
			subject: string;
			detail: string;
			device: string;
		}>(
			`SELECT a.id, a.at, a.actor_id, u.username, u.display_name, a.action, a.subject, a.detail,
				a.device
			 FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
			 ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
			 ORDER BY a.id DESC LIMIT ?`,
			params
		)
		.map((r) => ({
			id: r.id,
			at: r.at,
			actorId: r.actor_id,
			actorUsername: r.username,
			actorName: r.display_name,
			action: r.action,
			subject: r.subject,
			detail: r.detail,
			device: r.device
		}));
}

export function auditActions(db: Reads): string[] {
	return db
		.all<{ action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action')
		.map((r) => r.action);
}
