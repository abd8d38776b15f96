import { getApp } from '$lib/server/app';
import { dailyReport, reportFileName } from '$lib/server/services/reports';
import { dailyReportCsv } from '$lib/server/services/reports-export';
import { apiActor, failJson } from '$lib/server/services/reports-http';
import { reportQuery } from '$lib/server/services/reports-request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => {
	const actor = apiActor(locals.actor, 'head', 'officer');
	if (actor instanceof Response) return actor;
	const { store } = getApp();
	const query = reportQuery(store, actor, url, Date.now());
	if (!query.ok) return failJson(query);
	const report = dailyReport(store, query.day, query.scope);
	return new Response(dailyReportCsv(report), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${reportFileName(report, 'csv')}"`,
			'cache-control': 'no-store'
		}
	});
};
