import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { readJsonObject } from '$lib/server/http/json-body';
import { requireRole } from '$lib/server/auth/access';
import { CHECKIN_ROLES, checkIn } from '$lib/server/services/checkin';
import type { RequestHandler } from './$types';

/**
 * The same endpoint also has a fast path on node:http (lib/server/http/checkin-fast-path.ts),
 * which kiosk/server.js tries first; this route answers the rest, identically.
 * `{"code","sessionId","nonce","scannedAt"?,"source"}` (or `"residentId"` for a name search).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const actor = requireRole(locals.actor, ...CHECKIN_ROLES);
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const answer = await checkIn(getApp().store, actor, body.value);
	return json(answer.body, { status: answer.status });
};
