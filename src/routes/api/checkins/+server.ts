import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { readJsonObject } from '$lib/server/http/json-body';
import { checkIn } from '$lib/server/services/checkin';
import type { RequestHandler } from './$types';

/** `{"code","sessionId","nonce","scannedAt"?,"source"}` (or `"residentId"` for a name search). */
export const POST: RequestHandler = async ({ locals, request }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const answer = await checkIn(getApp().store, actor, body.value);
	return json(answer.body, { status: answer.status });
};
