import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { answer, idParam } from '$lib/server/http/problem';
import { revokeSessions } from '$lib/server/services/accounts';
import type { RequestHandler } from './$types';

/** Signs an account out everywhere (a lost phone, a volunteer who left): officer only. */
export const DELETE: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	answer(async () => {
		const actor = requireRole(locals.actor, 'officer');
		const id = idParam(params.id, 'tài khoản này');
		const store = getApp().store;
		const user = await revokeSessions(store, actor, id, deviceLabel(request, getClientAddress()));
		return json({ status: 'ok', user });
	});
