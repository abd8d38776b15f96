import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { CHECKIN_ROLES } from '$lib/server/services/checkin';
import { errorResponse, positiveId } from '$lib/server/services/people';
import { undoCheckin } from '$lib/server/services/sessions';
import type { RequestHandler } from './$types';

/** Takes back a check-in made by mistake, while the class is open → {"status":"undone","count"}. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const actor = requireRole(locals.actor, ...CHECKIN_ROLES);
	const sessionId = positiveId(params.id);
	const residentId = positiveId(params.residentId);
	if (!sessionId) {
		return errorResponse({ status: 404, reason: 'no_session', message: 'Không có buổi học này.' });
	}
	if (!residentId) {
		return errorResponse({
			status: 404,
			reason: 'unknown_resident',
			message: 'Không tìm thấy người này.'
		});
	}
	const result = await undoCheckin(getApp().store, actor, sessionId, residentId);
	if (!result.ok) return errorResponse(result);
	return json({ status: 'undone', count: result.value.count });
};
