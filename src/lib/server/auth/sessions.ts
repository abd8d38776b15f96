import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Role } from '../../domain/actor';
import type { DataStore } from '../store/data-store';
import { Problem } from '../http/problem';
import { waitBeforeNextTry } from './lockout';
import { hashSecret, verifySecret } from './secrets';

export const SESSION_COOKIE = 'ths_session';
/** A volunteer's shift; heads and officers sign in again the next day. */
export const SESSION_HOURS = 12;

/** Only this hash of a session token is stored: a copied database opens no session. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

interface UserRow {
	id: number;
	username: string;
	display_name: string;
	role: Role;
	neighborhood_id: number | null;
	secret_hash: string;
	disabled: number;
	locked: number;
	failed_logins: number;
	last_failed_at: number | null;
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
	| { ok: false; reason: 'bad_credentials' | 'locked' | 'disabled' }
	| { ok: false; reason: 'too_soon'; retryAfterSeconds: number };

/**
 * A hash of a secret nobody knows: an unknown username costs the same scrypt time as a known
 * one, so the answer time does not tell which usernames exist.
 */
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashSecret(randomBytes(12).toString('hex')));

/**
 * Checks a username and its password or PIN; on success starts a session (journaled).
 * Failures count per account: after the 2nd one in a row the next try must wait (growing),
 * the 5th locks the account until the officer unlocks it (see lockout.ts). A locked or
 * waiting account's secret is not even checked, so guessing gains nothing.
 */
export async function login(
	store: DataStore,
	username: string,
	secret: string,
	device: string,
	now = Date.now()
): Promise<LoginResult> {
	const name = username.trim().toLowerCase().slice(0, 64);
	const row = store.db.get<UserRow>('SELECT * FROM users WHERE username = ?', [name]);
	if (row?.locked) {
		await store.write('auth.loginFailed', { username: name, userId: null, device, why: 'locked' });
		return { ok: false, reason: 'locked' };
	}
	const wait = row ? waitBeforeNextTry(row.failed_logins, row.last_failed_at, now) : 0;
	if (wait > 0) return { ok: false, reason: 'too_soon', retryAfterSeconds: Math.ceil(wait / 1000) };
	const good = await verifySecret(secret, row ? row.secret_hash : await decoy());
	if (!row || !good) {
		const result = await store.write<{ locked: boolean }>('auth.loginFailed', {
			username: name,
			userId: row?.id ?? null,
			device
		});
		return { ok: false, reason: result?.locked ? 'locked' : 'bad_credentials' };
	}
	if (row.disabled) return { ok: false, reason: 'disabled' };
	const token = randomBytes(32).toString('base64url');
	const expiresAt = now + SESSION_HOURS * 3600_000;
	try {
		await store.write(
			'auth.sessionStart',
			{ tokenHash: tokenHash(token), userId: row.id, expiresAt, device },
			row.id
		);
	} catch (error) {
		// Locked or disabled between the check and the write (another request's 5th failure).
		if (error instanceof Problem) return { ok: false, reason: 'locked' };
		throw error;
	}
	return { ok: true, token, actor: toActor(row), expiresAt };
}

const AUTH_VERSION = 'authVersion';
/** For StoreOptions.watch: `auth_version` is moved by triggers on any change to users or sessions. */
export const authWatch = { [AUTH_VERSION]: 'SELECT n FROM auth_version' };

/**
 * Who is behind each session cookie, kept in memory per store: hashing the token and joining
 * sessions to users cost about a tenth of the server's time on every check-in. Valid while
 * `auth_version` stays the same; the store reads it once per applied batch and hands it out
 * without SQL (`watched`), so a stream of check-ins asks SQL nothing for the session.
 */
interface ActorCache {
	version: number;
	actors: Map<string, { actor: Actor; expiresAt: number }>;
}
const actorCaches = new WeakMap<DataStore, ActorCache>();
/** Beyond this many sessions the cache starts again (a shift has a few dozen). */
const MAX_CACHED = 5_000;

/** The actor behind a session cookie, or null when it is unknown, expired or revoked. */
export function actorForToken(
	store: DataStore,
	token: string | undefined,
	now = Date.now()
): Actor | null {
	if (!token) return null;
	let cache = actorCaches.get(store);
	const version = store.watched(AUTH_VERSION);
	if (!cache || cache.version !== version || cache.actors.size > MAX_CACHED) {
		cache = { version, actors: new Map() };
		actorCaches.set(store, cache);
	}
	const hit = cache.actors.get(token);
	if (hit) return hit.expiresAt > now ? hit.actor : null;
	const row = store.db.get<UserRow & { expires_at: number }>(
		`SELECT u.*, s.expires_at FROM auth_sessions s JOIN users u ON u.id = s.user_id
		 WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled = 0`,
		[tokenHash(token), now]
	);
	if (!row) return null;
	const actor = toActor(row);
	cache.actors.set(token, { actor, expiresAt: row.expires_at });
	return actor;
}

export async function logout(store: DataStore, token: string | undefined, actorId: number | null) {
	if (token) await store.write('auth.sessionEnd', { tokenHash: tokenHash(token) }, actorId);
}
