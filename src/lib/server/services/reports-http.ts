import { json } from '@sveltejs/kit';
import type { Actor, Role } from '../../domain/actor';
import type { Failure } from './coverage';

/** The product's error JSON: `{"status":"error","reason","message"}` with a 4xx. */
export function failJson(f: Pick<Failure, 'status' | 'reason' | 'message'>): Response {
	return json({ status: 'error', reason: f.reason, message: f.message }, { status: f.status });
}

/** For JSON endpoints: the actor, or the error Response in the product's shape. */
export function apiActor(actor: Actor | null, ...roles: Role[]): Actor | Response {
	if (!actor) return failJson({ status: 401, reason: 'unauthenticated', message: 'Cần đăng nhập' });
	if (!roles.includes(actor.role)) {
		return failJson({
			status: 403,
			reason: 'forbidden',
			message: 'Tài khoản này không có quyền làm việc này'
		});
	}
	return actor;
}
