import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Role } from '../../domain/actor';
import type { Store } from '../store/store';
import { verifySecret } from './secrets';

export const SESSION_COOKIE = 'ths_session';
/** A volunteer's shift; heads and officers sign in again the next day. */
export const SESSION_HOURS = 12;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

interface UserRow {
	id: number;
	username: string;
	display_name: string;
	role: Role;
	neighborhood_id: number | null;
	secret_hash: string;
	disabled: number;
	locked: number;
}

const toActor = (row: UserRow): Actor => ({
	id: row.id,
	username: row.username,
	displayName: row.display_name,
	role: row.role,
	neighborhoodId: row.neighborhood_id
});

export type LoginResult =
	| { ok: true; token: string; actor: Actor; expiresAt: number }
	| { ok: false; reason: 'bad_credentials' | 'locked' | 'disabled' };

/** Checks a username and its password or PIN; on success starts a session (journaled). */
export async function login(
	store: Store,
	username: string,
	secret: string,
	device: string
): Promise<LoginResult> {
	const row = store.db.get<UserRow>('SELECT * FROM users WHERE username = ?', [
		username.trim().toLowerCase()
	]);
	const good = row ? await verifySecret(secret, row.secret_hash) : false;
	if (!row || !good) {
		await store.write('auth.loginFailed', { username, userId: row?.id ?? null, device });
		return { ok: false, reason: 'bad_credentials' };
	}
	if (row.disabled) return { ok: false, reason: 'disabled' };
	if (row.locked) return { ok: false, reason: 'locked' };
	const token = randomBytes(32).toString('base64url');
	const expiresAt = Date.now() + SESSION_HOURS * 3600_000;
	await store.write(
		'auth.sessionStart',
		{ tokenHash: tokenHash(token), userId: row.id, expiresAt, device },
		row.id
	);
	return { ok: true, token, actor: toActor(row), expiresAt };
}

/** The actor behind a session cookie, or null when it is unknown, expired or revoked. */
export function actorForToken(
	store: Store,
	token: string | undefined,
	now = Date.now()
): Actor | null {
	if (!token) return null;
	const row = store.db.get<UserRow>(
		`SELECT u.* FROM auth_sessions s JOIN users u ON u.id = s.user_id
		 WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled = 0`,
		[tokenHash(token), now]
	);
	return row ? toActor(row) : null;
}

export async function logout(store: Store, token: string | undefined, actorId: number | null) {
	if (token) await store.write('auth.sessionEnd', { tokenHash: tokenHash(token) }, actorId);
}
