import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { vnDay } from '$lib/domain/time';
import { listWalkthroughs } from '$lib/server/services/kiosk-lessons';
import { neighborhoodList } from '$lib/server/services/reports';
import { dashboard, parseSort } from '$lib/server/services/reports-dashboard';
import { reportPageQuery } from '$lib/server/services/reports-request';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const actor = requireRole(locals.actor, 'head', 'officer');
	const { store } = getApp();
	const now = Date.now();
	const query = reportPageQuery(store, actor, url, now);
	if (!query.ok) error(query.status, query.message);
	const sort = parseSort(url.searchParams.get('sort'), query.scope);
	return {
		actor,
		dateNotice: query.dateNotice,
		day: query.day,
		today: vnDay(now),
		scope: query.scope,
		sort,
		neighborhoods: actor.role === 'officer' ? neighborhoodList(store) : null,
		// The kiosk lessons' names, from the same catalogue the kiosk shows.
		lessonTitles: Object.fromEntries(listWalkthroughs().map((w) => [w.id, w.title])),
		...(await dashboard(store, actor, query.day, query.scope, sort))
	};
}) satisfies PageServerLoad;
