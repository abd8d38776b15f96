import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { csvDocument } from '$lib/server/http/csv';
import { answer } from '$lib/server/http/problem';
import { parseAuditQuery, readAudit } from '$lib/server/services/audit';
import { formatDate, formatTime } from '$lib/domain/time';
import type { RequestHandler } from './$types';

/**
 * `GET /api/audit?actor=&subject=&action=&from=&to=&before=&limit=` (officer only), newest
 * first. `&format=csv` gives the same rows as a spreadsheet-safe CSV file.
 */
export const GET: RequestHandler = ({ locals, url }) =>
	answer(() => {
		const actor = requireRole(locals.actor, 'officer');
		const filter = parseAuditQuery(url.searchParams);
		const entries = readAudit(actor, getApp().store, filter);
		if (url.searchParams.get('format') !== 'csv') return json({ entries });
		const csv = csvDocument(
			['Ngày', 'Giờ', 'Người làm', 'Tên đăng nhập', 'Việc', 'Đối tượng', 'Chi tiết', 'Thiết bị'],
			entries.map((e) => [
				formatDate(e.at),
				formatTime(e.at),
				e.actorName ?? '',
				e.actorUsername ?? '',
				e.action,
				e.subject,
				e.detail,
				e.device
			])
		);
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="nhat-ky-truy-cap.csv"'
			}
		});
	});
