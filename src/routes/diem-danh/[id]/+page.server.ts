import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { laterStartDay } from '$lib/domain/time';
import { positiveId } from '$lib/server/services/people';
import { scannerView } from '$lib/server/services/sessions';
import type { PageServerLoad } from './$types';

export const load = (({ locals, params }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const view = scannerView(getApp().store, positiveId(params.id));
	if (!view) error(404, 'Không có buổi học này');
	return {
		actor,
		...view,
		// A class dated on a later day still takes check-ins (today's): the page says so.
		startsLaterOn: laterStartDay(view.session.startsAt, Date.now()),
		// The count's time: a copy of this page shown later, with the server gone, says so.
		renderedAt: Date.now()
	};
}) satisfies PageServerLoad;
