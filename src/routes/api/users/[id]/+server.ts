import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { answer, idParam, Problem } from '$lib/server/http/problem';
import { readJsonObject } from '$lib/server/http/json-body';
import { account, updateAccount } from '$lib/server/services/accounts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	answer(() => {
		requireRole(locals.actor, 'officer');
		return json({ user: account(getApp().store, idParam(params.id, 'tài khoản này')) });
	});

/**
 * `{"disabled": true|false}` and/or `{"secret": "…"}` (a reset also ends every session).
 * Both or, when either is refused, neither.
 */
export const PATCH: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	answer(async () => {
		const actor = requireRole(locals.actor, 'officer');
		const id = idParam(params.id, 'tài khoản này');
		const body = await readJsonObject(request);
		if (!body.ok) return body.response;
		const { disabled, secret } = body.value;
		if (disabled === undefined && secret === undefined) {
			throw new Problem(400, 'invalid', 'Cần "disabled" (true/false) hoặc "secret".');
		}
		if (disabled !== undefined && typeof disabled !== 'boolean') {
			throw new Problem(400, 'invalid', '"disabled" phải là true hoặc false.', 'disabled');
		}
		const device = deviceLabel(request, getClientAddress());
		const user = await updateAccount(getApp().store, actor, id, { disabled, secret }, device);
		return json({ status: 'ok', user });
	});
