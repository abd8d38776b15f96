import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { readJsonObject } from '$lib/server/http/json-body';
import { answer, idParam } from '$lib/server/http/problem';
import { errorResponse } from '$lib/server/services/people';
import { moveResident } from '$lib/server/services/resident-edit';
import type { RequestHandler } from './$types';

/**
 * `{"householdId"}`: the resident now lives in that household → the resident as
 * `PATCH /api/residents/:id` returns them. Who may is who may register them in both
 * households (a head: their own khu phố only, 403). 404 `unknown_household`, 409
 * `consent_withdrawn`. Past reports keep their check-ins in the household they lived in then.
 */
export const POST: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	answer(async () => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const id = idParam(params.id, 'cư dân này');
		const body = await readJsonObject(request);
		if (!body.ok) return body.response;
		const device = deviceLabel(request, getClientAddress());
		const result = await moveResident(getApp().store, actor, id, body.value.householdId, {
			device
		});
		return result.ok ? json(result.value) : errorResponse(result);
	});
