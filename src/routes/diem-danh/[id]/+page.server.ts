import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { laterStartDay } from '$lib/domain/time';
import { positiveId } from '$lib/server/services/people';
import { getSession, openHelpRequests } from '$lib/server/services/sessions';
import type { PageServerLoad } from './$types';

export const load = (({ locals, params }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const id = positiveId(params.id);
	const session = id ? getSession(getApp().store, id) : undefined;
	if (!session) error(404, 'Không có buổi học này');
	return {
		actor,
		session,
		// A class dated on a later day still takes check-ins (today's): the page says so.
		startsLaterOn: laterStartDay(session.startsAt, Date.now()),
		help: openHelpRequests(getApp().store)
	};
}) satisfies PageServerLoad;
