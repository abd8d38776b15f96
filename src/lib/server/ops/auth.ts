import { Problem } from '../http/problem';
import { locksNow } from '../auth/lockout';
import { isLastWorkingOfficer } from '../repositories/users';
import type { OpHandlers } from '../store/store';
import { appendAudit } from './audit';

export interface SessionStartPayload {
	tokenHash: string;
	userId: number;
	expiresAt: number;
	device: string;
}

export interface LoginFailedPayload {
	username: string;
	userId: number | null;
	device: string;
	/** 'locked': a try on a locked account, refused without checking the secret. */
	why?: 'locked';
}

export const authOps: OpHandlers = {
	'auth.sessionStart': (db, p: SessionStartPayload, ctx) => {
		const user = db.get<{ locked: number; disabled: number }>(
			'SELECT locked, disabled FROM users WHERE id = ?',
			[p.userId]
		);
		// Another request may have locked or disabled the account while this one checked scrypt.
		if (!user || user.locked || user.disabled) {
			throw new Problem(403, 'locked', 'Tài khoản đang bị khoá.');
		}
		db.run(
			'INSERT INTO auth_sessions (token_hash, user_id, created_at, expires_at, device) VALUES (?, ?, ?, ?, ?)',
			[p.tokenHash, p.userId, ctx.at, p.expiresAt, p.device]
		);
		db.run('UPDATE users SET failed_logins = 0, last_failed_at = NULL WHERE id = ?', [p.userId]);
		appendAudit(
			db,
			{ ...ctx, actor: p.userId },
			{
				action: 'auth.login',
				subject: `user:${p.userId}`,
				device: p.device
			}
		);
	},
	'auth.sessionEnd': (db, p: { tokenHash: string }, ctx) => {
		const { changes } = db.run(
			'UPDATE auth_sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
			[ctx.at, p.tokenHash]
		);
		if (changes > 0 && ctx.actor !== null) {
			appendAudit(db, ctx, { action: 'auth.logout', subject: `user:${ctx.actor}` });
		}
	},
	'auth.loginFailed': (db, p: LoginFailedPayload, ctx) => {
		let locked = false;
		if (p.userId !== null) {
			db.run(
				'UPDATE users SET failed_logins = failed_logins + 1, last_failed_at = ? WHERE id = ?',
				[ctx.at, p.userId]
			);
			const failures = db.value<number>('SELECT failed_logins FROM users WHERE id = ?', [p.userId]);
			// The ward's last working officer is only slowed (up to a minute a try, lockout.ts):
			// locked, nobody could unlock them, and anyone knowing the username could do it.
			if (locksNow(failures ?? 0) && !isLastWorkingOfficer(db, p.userId)) {
				db.run('UPDATE users SET locked = 1 WHERE id = ? AND locked = 0', [p.userId]);
				locked = true;
				appendAudit(db, ctx, {
					action: 'auth.locked',
					subject: `user:${p.userId}`,
					detail: `${failures} lần nhập sai liên tiếp`,
					device: p.device
				});
			}
		}
		appendAudit(db, ctx, {
			action: p.why === 'locked' ? 'auth.login_refused_locked' : 'auth.login_failed',
			subject: `username:${p.username.slice(0, 64)}`,
			device: p.device
		});
		return { locked };
	}
};
