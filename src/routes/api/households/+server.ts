import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { readJsonObject } from '$lib/server/http/json-body';
import { errorResponse, positiveId } from '$lib/server/services/people';
import { createHousehold, listHouseholds } from '$lib/server/services/residents';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, request }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const result = await createHousehold(getApp().store, actor, body.value);
	return result.ok ? json(result.value, { status: 201 }) : errorResponse(result);
};

/** `?neighborhoodId=` — the households of one khu phố (a head's own only; else none). */
export const GET: RequestHandler = ({ locals, url }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const id = positiveId(url.searchParams.get('neighborhoodId'));
	if (!id) {
		return errorResponse({ status: 400, reason: 'invalid', message: 'Cần "neighborhoodId".' });
	}
	return json(listHouseholds(getApp().store, actor, id));
};
