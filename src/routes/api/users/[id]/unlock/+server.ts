import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { answer, idParam } from '$lib/server/http/problem';
import { unlock } from '$lib/server/services/accounts';
import type { RequestHandler } from './$types';

/** Lifts the lock that 5 failed sign-ins put on an account (officer only). */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	answer(async () => {
		const actor = requireRole(locals.actor, 'officer');
		const id = idParam(params.id, 'tài khoản này');
		const user = await unlock(getApp().store, actor, id, deviceLabel(request, getClientAddress()));
		return json({ status: 'ok', user });
	});
