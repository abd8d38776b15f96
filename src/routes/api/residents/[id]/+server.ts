import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { answer, idParam } from '$lib/server/http/problem';
import { eraseResident } from '$lib/server/services/privacy';
import type { RequestHandler } from './$types';

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
