import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { errorResponse, positiveId } from '$lib/server/services/people';
import { sessionAttendance } from '$lib/server/services/sessions';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const id = positiveId(params.id);
	const found = id ? await sessionAttendance(getApp().store, actor, id) : undefined;
	if (!found) {
		return errorResponse({ status: 404, reason: 'no_session', message: 'Không có buổi học này.' });
	}
	return json({
		session: found.session,
		count: found.attendance.length,
		attendance: found.attendance
	});
};
