import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { readJsonObject } from '$lib/server/http/json-body';
import { errorResponse } from '$lib/server/services/people';
import { openSession, recentSessions } from '$lib/server/services/sessions';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, request }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const result = await openSession(getApp().store, actor, body.value);
	return result.ok ? json(result.value, { status: 201 }) : errorResponse(result);
};

/** Open sessions and those of the last two days. */
export const GET: RequestHandler = ({ locals }) => {
	requireRole(locals.actor, 'volunteer', 'head', 'officer');
	return json(recentSessions(getApp().store));
};
