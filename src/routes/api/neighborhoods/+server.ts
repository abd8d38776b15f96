import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { readJsonObject } from '$lib/server/http/json-body';
import { createNeighborhood } from '$lib/server/services/neighborhoods';
import { errorResponse } from '$lib/server/services/people';
import { listNeighborhoods } from '$lib/server/services/residents';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	requireRole(locals.actor, 'volunteer', 'head', 'officer');
	return json(listNeighborhoods(getApp().store));
};

/** `{"name"}` → 201 `{"id","name"}`: the ward officer adds a khu phố. */
export const POST: RequestHandler = async ({ locals, request, getClientAddress }) => {
	const actor = requireRole(locals.actor, 'officer');
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const device = deviceLabel(request, getClientAddress());
	const result = await createNeighborhood(getApp().store, actor, body.value, device);
	return result.ok ? json(result.value, { status: 201 }) : errorResponse(result);
};
