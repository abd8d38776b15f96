import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { answer } from '$lib/server/http/problem';
import { readJsonObject } from '$lib/server/http/json-body';
import { accounts, createAccount, parseNewAccount } from '$lib/server/services/accounts';
import type { RequestHandler } from './$types';

/** Every account (officer only), without secrets. */
export const GET: RequestHandler = ({ locals }) => {
	requireRole(locals.actor, 'officer');
	return json({ users: accounts(getApp().store) });
};

/** `{"username","displayName","role","neighborhoodId"?,"secret"}` → 201 with the account. */
export const POST: RequestHandler = ({ locals, request, getClientAddress }) =>
	answer(async () => {
		const actor = requireRole(locals.actor, 'officer');
		const body = await readJsonObject(request);
		if (!body.ok) return body.response;
		const input = parseNewAccount(body.value, getApp().store);
		const device = deviceLabel(request, getClientAddress());
		const user = await createAccount(getApp().store, actor, input, device);
		return json({ status: 'ok', user }, { status: 201 });
	});
