import type { OpHandlers } from '../store/store';

export interface SessionStartPayload {
	tokenHash: string;
	userId: number;
	expiresAt: number;
	device: string;
}

export const authOps: OpHandlers = {
	'auth.sessionStart': (db, p: SessionStartPayload, ctx) => {
		db.run(
			'INSERT INTO auth_sessions (token_hash, user_id, created_at, expires_at, device) VALUES (?, ?, ?, ?, ?)',
			[p.tokenHash, p.userId, ctx.at, p.expiresAt, p.device]
		);
		db.run('UPDATE users SET failed_logins = 0 WHERE id = ?', [p.userId]);
		db.run(
			"INSERT INTO audit_log (at, actor_id, action, subject, device) VALUES (?, ?, 'auth.login', ?, ?)",
			[ctx.at, p.userId, `user:${p.userId}`, p.device]
		);
	},
	'auth.sessionEnd': (db, p: { tokenHash: string }, ctx) => {
		db.run('UPDATE auth_sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL', [
			ctx.at,
			p.tokenHash
		]);
	},
	'auth.loginFailed': (db, p: { username: string; userId: number | null; device: string }, ctx) => {
		if (p.userId !== null) {
			db.run(
				'UPDATE users SET failed_logins = failed_logins + 1, last_failed_at = ? WHERE id = ?',
				[ctx.at, p.userId]
			);
		}
		db.run(
			"INSERT INTO audit_log (at, actor_id, action, subject, device) VALUES (?, NULL, 'auth.login_failed', ?, ?)",
			[ctx.at, `username:${p.username.slice(0, 64)}`, p.device]
		);
	}
};
