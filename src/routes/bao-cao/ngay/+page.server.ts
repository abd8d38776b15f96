import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { vnDay } from '$lib/domain/time';
import { dailyReport, dailyReportRows, neighborhoodList } from '$lib/server/services/reports';
import { reportPageQuery } from '$lib/server/services/reports-request';
import type { PageServerLoad } from './$types';

/** The formal daily report, rendered from the same rows as the CSV and the XLSX. */
export const load = (({ locals, url }) => {
	const actor = requireRole(locals.actor, 'head', 'officer');
	const { store } = getApp();
	const now = Date.now();
	const query = reportPageQuery(store, actor, url, now);
	if (!query.ok) error(query.status, query.message);
	const report = dailyReport(store, query.day, query.scope);
	return {
		actor,
		dateNotice: query.dateNotice,
		today: vnDay(now),
		report,
		rows: dailyReportRows(report),
		neighborhoods: actor.role === 'officer' ? neighborhoodList(store) : null
	};
}) satisfies PageServerLoad;
