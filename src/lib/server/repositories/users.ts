import type { Role } from '../../domain/actor';
import type { Reads } from '../store/database';

interface UserRow {
	id: number;
	username: string;
	display_name: string;
	role: Role;
	neighborhood_id: number | null;
	neighborhood_name: string | null;
	disabled: number;
	locked: number;
	failed_logins: number;
	last_failed_at: number | null;
	created_at: number;
	active_sessions: number;
}

/** An account as the officer sees it (never the secret's hash). */
export interface Account {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	neighborhoodId: number | null;
	neighborhoodName: string | null;
	disabled: boolean;
	locked: boolean;
	failedLogins: number;
	lastFailedAt: number | null;
	createdAt: number;
	activeSessions: number;
}

const toAccount = (r: UserRow): Account => ({
	id: r.id,
	username: r.username,
	displayName: r.display_name,
	role: r.role,
	neighborhoodId: r.neighborhood_id,
	neighborhoodName: r.neighborhood_name,
	disabled: r.disabled === 1,
	locked: r.locked === 1,
	failedLogins: r.failed_logins,
	lastFailedAt: r.last_failed_at,
	createdAt: r.created_at,
	activeSessions: r.active_sessions
});

const SELECT = `SELECT u.id, u.username, u.display_name, u.role, u.neighborhood_id,
	n.name AS neighborhood_name, u.disabled, u.locked, u.failed_logins, u.last_failed_at,
	u.created_at,
	(SELECT count(*) FROM auth_sessions s WHERE s.user_id = u.id AND s.revoked_at IS NULL
		AND s.expires_at > ?) AS active_sessions
	FROM users u LEFT JOIN neighborhoods n ON n.id = u.neighborhood_id`;

const ROLE_ORDER = "CASE u.role WHEN 'officer' THEN 0 WHEN 'head' THEN 1 ELSE 2 END";

export function listAccounts(db: Reads, now: number): Account[] {
	return db.all<UserRow>(`${SELECT} ORDER BY ${ROLE_ORDER}, u.username`, [now]).map(toAccount);
}

export function findAccount(db: Reads, id: number, now: number): Account | undefined {
	const row = db.get<UserRow>(`${SELECT} WHERE u.id = ?`, [now, id]);
	return row ? toAccount(row) : undefined;
}

export const usernameTaken = (db: Reads, username: string): boolean =>
	db.value<number>('SELECT count(*) FROM users WHERE username = ?', [username]) !== 0;

export const neighborhoodExists = (db: Reads, id: number): boolean =>
	db.value<number>('SELECT count(*) FROM neighborhoods WHERE id = ?', [id]) !== 0;

/**
 * True when `userId` is the ward's only officer who can still sign in (not disabled, not
 * locked). Only an officer can unlock or re-enable an account, so losing that one would leave
 * nobody to let anyone back in: it is never disabled (ops/accounts.ts) and never locked by
 * failed sign-ins, only slowed (ops/auth.ts).
 */
export function isLastWorkingOfficer(db: Reads, userId: number): boolean {
	const working = (others: string) =>
		db.value<number>(
			`SELECT count(*) FROM users
			 WHERE role = 'officer' AND disabled = 0 AND locked = 0 AND id ${others} ?`,
			[userId]
		) ?? 0;
	return working('=') === 1 && working('!=') === 0;
}
