import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { dailyReport, dailyReportJson } from '$lib/server/services/reports';
import { apiActor, failJson } from '$lib/server/services/reports-http';
import { reportQuery } from '$lib/server/services/reports-request';
import type { RequestHandler } from './$types';

/** `?date=YYYY-MM-DD&neighborhood=N` → the day's counts and cumulative coverage. */
export const GET: RequestHandler = ({ locals, url }) => {
	const actor = apiActor(locals.actor, 'head', 'officer');
	if (actor instanceof Response) return actor;
	const { store } = getApp();
	const query = reportQuery(store, actor, url, Date.now());
	if (!query.ok) return failJson(query);
	return json(dailyReportJson(dailyReport(store, query.day, query.scope)));
};
