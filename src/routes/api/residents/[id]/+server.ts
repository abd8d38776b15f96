import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { readJsonObject } from '$lib/server/http/json-body';
import { answer, idParam } from '$lib/server/http/problem';
import { errorResponse } from '$lib/server/services/people';
import { eraseResident } from '$lib/server/services/privacy';
import { updateResident } from '$lib/server/services/resident-edit';
import type { RequestHandler } from './$types';

/**
 * A resident's details corrected: any of `{"fullName","birthYear","phone","relationship"}`
 * (`"phone": null` removes it), by whoever may register them → the resident as
 * `POST /api/residents` returns them. 409 `duplicate` when the new name and year are likely
 * someone else's of the khu phố (`"allowDuplicate": true` saves it anyway), 409
 * `consent_withdrawn` for someone who withdrew consent. A birth year that makes their consent
 * a child's own needs a `"consent"` given again (400 `consent_renewal_required` without one;
 * services/resident-edit.ts).
 */
export const PATCH: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	answer(async () => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const id = idParam(params.id, 'cư dân này');
		const body = await readJsonObject(request);
		if (!body.ok) return body.response;
		const device = deviceLabel(request, getClientAddress());
		const result = await updateResident(getApp().store, actor, id, body.value, { device });
		return result.ok ? json(result.value) : errorResponse(result);
	});

/**
 * Erasure on request (officer only): the person, their consents, cards, milestones and
 * kiosk-completion links go; their attendance stays as anonymous rows so counts stay right.
 */
export const DELETE: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	answer(async () => {
		const actor = requireRole(locals.actor, 'officer');
		const id = idParam(params.id, 'cư dân này');
		const device = deviceLabel(request, getClientAddress());
		const erased = await eraseResident(getApp().store, actor, id, device);
		return json({ status: 'ok', erased });
	});
