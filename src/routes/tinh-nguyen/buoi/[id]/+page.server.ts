import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { positiveId } from '$lib/server/services/people';
import { failedScans, sessionAttendance } from '$lib/server/services/sessions';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const id = positiveId(params.id);
	const store = getApp().store;
	const found = id ? await sessionAttendance(store, actor, id) : undefined;
	if (!found) error(404, 'Không có buổi học này');
	// `now`: the page and its hydration agree on which day is today.
	return { ...found, failed: failedScans(store, actor, found.session.id), now: Date.now() };
}) satisfies PageServerLoad;
