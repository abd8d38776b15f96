import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { coverageReport } from '$lib/server/services/coverage';
import { coverageJson } from '$lib/server/services/reports';
import { apiActor, failJson } from '$lib/server/services/reports-http';
import { reportQuery } from '$lib/server/services/reports-request';
import type { RequestHandler } from './$types';

/** `?neighborhood=N&date=YYYY-MM-DD` (both optional) → adults, households and targets. */
export const GET: RequestHandler = ({ locals, url }) => {
	const actor = apiActor(locals.actor, 'head', 'officer');
	if (actor instanceof Response) return actor;
	const { store } = getApp();
	const query = reportQuery(store, actor, url, Date.now());
	if (!query.ok) return failJson(query);
	return json(coverageJson(coverageReport(store, query.day, query.scope)));
};
