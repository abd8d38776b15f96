import { getApp } from '$lib/server/app';
import { attendeesByNeighborhood, dailyReport, reportFileName } from '$lib/server/services/reports';
import { dailyReportXlsx, XLSX_TYPE } from '$lib/server/services/reports-export';
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
	// The whole ward's workbook carries the comparison of the khu phố, as the dashboard does.
	const attendees =
		query.scope.neighborhoodId === null ? attendeesByNeighborhood(store, query.day) : undefined;
	return new Response(new Uint8Array(dailyReportXlsx(report, attendees)), {
		headers: {
			'content-type': XLSX_TYPE,
			'content-disposition': `attachment; filename="${reportFileName(report, 'xlsx')}"`,
			'cache-control': 'no-store'
		}
	});
};
