import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { csvDocument } from '$lib/server/http/csv';
import { answer } from '$lib/server/http/problem';
import { parseAuditQuery, readAudit } from '$lib/server/services/audit';
import { formatDate, formatTime } from '$lib/domain/time';
import type { RequestHandler } from './$types';

/** Kept as they were (other programs read them by position or name); the words come after. */
const STORED_COLUMNS = [
	'Ngày',
	'Giờ',
	'Người làm',
	'Tên đăng nhập',
	'Việc',
	'Đối tượng',
	'Chi tiết',
	'Thiết bị'
];
const COLUMNS = [...STORED_COLUMNS, 'Việc (tiếng Việt)', 'Đối tượng (tên)', 'Thiết bị (tóm tắt)'];

/**
 * `GET /api/audit?actor=&subject=&action=&from=&to=&before=&limit=` (officer only), newest
 * first. `subject` is a stored subject (`resident:12`) or a name (3 letters or more).
 * Each entry keeps its stored fields and adds them in words: `actionName`, `subjectName`,
 * `subjectHref` (null when the subject has no page or no longer exists), `detailText` and
 * `deviceName`.
 * `&format=csv` gives the same rows as a spreadsheet-safe CSV file: the columns programs
 * read first, unchanged, then the same in words.
 */
export const GET: RequestHandler = ({ locals, url }) =>
	answer(() => {
		const actor = requireRole(locals.actor, 'officer');
		const filter = parseAuditQuery(url.searchParams);
		const entries = readAudit(actor, getApp().store, filter);
		if (url.searchParams.get('format') !== 'csv') return json({ entries });
		const csv = csvDocument(
			COLUMNS,
			entries.map((e) => [
				formatDate(e.at),
				formatTime(e.at),
				e.actorName ?? '',
				e.actorUsername ?? '',
				e.action,
				e.subject,
				e.detail,
				e.device,
				e.actionName,
				e.subjectName,
				e.deviceName
			])
		);
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="nhat-ky-truy-cap.csv"'
			}
		});
	});
