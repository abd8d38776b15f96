import type { Reads } from '../store/database';

export interface AuditFilter {
	/** A user's id (digits) or username. */
	actor?: string;
	/** Exact subject, e.g. `resident:12`, `user:3`. */
	subject?: string;
	/**
	 * A name folded by foldVietnamese ("nguyen van"): entries about a resident, an account or
	 * a household (by its head) whose name has every word at the start of one of its words.
	 */
	subjectName?: string;
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

/**
 * The subjects that name a person as `folded` does, as a sub-query: the same word rule as the
 * residents' name search (every word starts a word of the name), over the stored folded name
 * for residents and vi_fold (the connection's foldVietnamese) for accounts and households.
 * An erased resident's row is gone, so their entries are not found by the name.
 */
function subjectsNamed(folded: string): { sql: string; params: string[] } {
	const words = folded.split(' ').filter(Boolean).slice(0, 6);
	const escape = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);
	const patterns = words.map((w) => `% ${escape(w)}%`);
	const match = (column: string) =>
		words.map(() => `(' ' || ${column}) LIKE ? ESCAPE '\\'`).join(' AND ');
	// "Cán bộ phường (quản trị)": a bracket must not hide the word after it (the query has none).
	const wordsOf = (column: string) => `replace(replace(vi_fold(${column}), '(', ' '), ')', ' ')`;
	const parts = [
		`SELECT 'resident:' || id FROM residents WHERE ${match('name_folded')}`,
		`SELECT 'user:' || id FROM users WHERE ${match(wordsOf('display_name'))}`,
		`SELECT 'username:' || username FROM users WHERE ${match(wordsOf('display_name'))}`,
		`SELECT 'household:' || id FROM households WHERE ${match(wordsOf('head_name'))}`
	];
	return { sql: parts.join(' UNION ALL '), params: parts.flatMap(() => patterns) };
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
	if (f.subjectName !== undefined) {
		const { sql, params: named } = subjectsNamed(f.subjectName);
		where.push(`a.subject IN (${sql})`);
		params.push(...named);
	}
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
