import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { noneLeftToVisit, notReachedList, parseSort } from '$lib/server/services/reports-dashboard';
import { reportPageQuery } from '$lib/server/services/reports-request';
import type { PageServerLoad } from './$types';

/** The door-to-door list: households nobody has reached, printable. */
export const load = (async ({ locals, url }) => {
	const actor = requireRole(locals.actor, 'head', 'officer');
	const { store } = getApp();
	const query = reportPageQuery(store, actor, url, Date.now());
	if (!query.ok) error(query.status, query.message);
	const sort = parseSort(url.searchParams.get('sort'), query.scope);
	const rows = await notReachedList(store, actor, query.day, query.scope, sort);
	return {
		actor,
		dateNotice: query.dateNotice,
		day: query.day,
		scope: query.scope,
		sort,
		rows,
		noneLeft: noneLeftToVisit(store, query.day, query.scope, rows)
	};
}) satisfies PageServerLoad;
