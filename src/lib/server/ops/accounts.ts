import { ROLE_LABELS, type Role } from '../../domain/actor';
import { Problem } from '../http/problem';
import { isLastWorkingOfficer } from '../repositories/users';
import type { Db } from '../store/database';
import type { OpContext, OpHandlers } from '../store/store';
import { appendAudit } from './audit';

export interface CreateAccountPayload {
	username: string;
	displayName: string;
	role: Role;
	neighborhoodId: number | null;
	/** scrypt hash made in the service: handlers stay deterministic. */
	secretHash: string;
	device: string;
}

interface UserTarget {
	userId: number;
	device: string;
}

function mustExist(db: Db, userId: number): void {
	if (!db.value<number>('SELECT count(*) FROM users WHERE id = ?', [userId])) {
		throw new Problem(404, 'not_found', 'Không tìm thấy tài khoản này.');
	}
}

/** Ends every open session of a user; returns how many. */
function revokeAll(db: Db, userId: number, ctx: OpContext): number {
	return db.run(
		'UPDATE auth_sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?',
		[ctx.at, userId, ctx.at]
	).changes;
}

/**
 * The ward keeps one working officer: only an officer can let anyone back in. The service
 * already refuses an officer stopping themselves; this catches two officers stopping each
 * other at the same moment (each request passed its check before the other landed).
 */
function refuseLastOfficer(db: Db, userId: number): void {
	if (isLastWorkingOfficer(db, userId)) {
		throw new Problem(
			409,
			'last_officer',
			'Đây là tài khoản cán bộ phường cuối cùng đang hoạt động: phải còn ít nhất một cán bộ để quản lý tài khoản.'
		);
	}
}

function setDisabled(db: Db, p: UserTarget & { disabled: boolean }, ctx: OpContext): void {
	mustExist(db, p.userId);
	if (p.disabled) refuseLastOfficer(db, p.userId);
	db.run('UPDATE users SET disabled = ? WHERE id = ?', [p.disabled ? 1 : 0, p.userId]);
	const ended = p.disabled ? revokeAll(db, p.userId, ctx) : 0;
	appendAudit(db, ctx, {
		action: p.disabled ? 'account.disable' : 'account.enable',
		subject: `user:${p.userId}`,
		detail: p.disabled ? `${ended} phiên bị đóng` : '',
		device: p.device
	});
}

function resetSecret(db: Db, p: UserTarget & { secretHash: string }, ctx: OpContext): void {
	mustExist(db, p.userId);
	db.run(
		'UPDATE users SET secret_hash = ?, failed_logins = 0, last_failed_at = NULL, locked = 0 WHERE id = ?',
		[p.secretHash, p.userId]
	);
	const ended = revokeAll(db, p.userId, ctx);
	appendAudit(db, ctx, {
		action: 'account.reset_secret',
		subject: `user:${p.userId}`,
		detail: `${ended} phiên bị đóng`,
		device: p.device
	});
}

export const accountOps: OpHandlers = {
	'accounts.create': (db, p: CreateAccountPayload, ctx) => {
		if (db.value<number>('SELECT count(*) FROM users WHERE username = ?', [p.username])) {
			throw new Problem(409, 'username_taken', 'Tên đăng nhập này đã có người dùng.', 'username');
		}
		const { lastId } = db.run(
			`INSERT INTO users (username, display_name, role, neighborhood_id, secret_hash, created_at)
			 VALUES (?, ?, ?, ?, ?, ?)`,
			[p.username, p.displayName, p.role, p.neighborhoodId, p.secretHash, ctx.at]
		);
		appendAudit(db, ctx, {
			action: 'account.create',
			subject: `user:${lastId}`,
			detail: `${p.username} (${ROLE_LABELS[p.role]})`,
			device: p.device
		});
		return { id: lastId };
	},
	'accounts.setDisabled': setDisabled,
	'accounts.resetSecret': resetSecret,
	/** Several changes to one account (the API's PATCH): all of them, or on a refusal none. */
	'accounts.update': (db, p: UserTarget & { secretHash?: string; disabled?: boolean }, ctx) => {
		const target = { userId: p.userId, device: p.device };
		if (p.secretHash !== undefined) resetSecret(db, { ...target, secretHash: p.secretHash }, ctx);
		if (p.disabled !== undefined) setDisabled(db, { ...target, disabled: p.disabled }, ctx);
	},
	'accounts.unlock': (db, p: UserTarget, ctx) => {
		mustExist(db, p.userId);
		db.run('UPDATE users SET locked = 0, failed_logins = 0, last_failed_at = NULL WHERE id = ?', [
			p.userId
		]);
		appendAudit(db, ctx, {
			action: 'account.unlock',
			subject: `user:${p.userId}`,
			device: p.device
		});
	},
	'accounts.revokeSessions': (db, p: UserTarget, ctx) => {
		mustExist(db, p.userId);
		const ended = revokeAll(db, p.userId, ctx);
		appendAudit(db, ctx, {
			action: 'account.revoke_sessions',
			subject: `user:${p.userId}`,
			detail: `${ended} phiên bị đóng`,
			device: p.device
		});
		return { ended };
	}
};
