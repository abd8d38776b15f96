import { error, fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { positiveId } from '$lib/server/services/people';
import { CHECKIN_ROLES } from '$lib/server/services/checkin';
import { failedScans, sessionAttendance, undoCheckin } from '$lib/server/services/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const id = positiveId(params.id);
	const store = getApp().store;
	const found = id ? await sessionAttendance(store, actor, id) : undefined;
	if (!found) error(404, 'Không có buổi học này');
	// `now`: the page and its hydration agree on which day is today.
	return { ...found, failed: failedScans(store, actor, found.session.id), now: Date.now() };
}) satisfies PageServerLoad;

export const actions = {
	/** "Huỷ" beside a name checked in by mistake (ConfirmAction asks first). */
	undo: async ({ locals, params, request }) => {
		const actor = requireRole(locals.actor, ...CHECKIN_ROLES);
		const sessionId = positiveId(params.id);
		const residentId = positiveId(String((await request.formData()).get('residentId')));
		if (!sessionId || !residentId)
			return fail(404, { message: 'Không tìm thấy lượt điểm danh này.' });
		const result = await undoCheckin(getApp().store, actor, sessionId, residentId);
		if (!result.ok) return fail(result.status, { message: result.message });
		return { undone: residentId };
	}
} satisfies Actions;
