import type { Actor } from '../../domain/actor';
import { actionLabel } from '../../domain/audit-actions';
import { deviceSummary } from '../../domain/device';
import { foldVietnamese } from '../../domain/text';
import { DAY_MS, parseTypedDay, vnDayStart } from '../../domain/time';
import { Problem } from '../http/problem';
import type { AuditEntry } from '../ops/audit';
import { auditActions, findAudit, type AuditFilter, type AuditRow } from '../repositories/audit';
import { detailInWords, subjectNames } from '../repositories/audit-subjects';
import type { DataStore } from '../store/data-store';

/**
 * Records that `actor` viewed, exported or printed personal data. Changes are audited by
 * their own op handlers (appendAudit); this is for reads, which have no op of their own.
 */
export function auditRead(
	store: DataStore,
	actor: Actor | null,
	entry: AuditEntry
): Promise<unknown> {
	return store.write('audit.record', entry, actor?.id ?? null);
}

const MAX_LIMIT = 1000;
/** The filter's fields as the access log page names them: its messages are shown there. */
const FIELD: Record<string, string> = {
	actor: 'Người làm',
	subject: 'Đối tượng',
	action: 'Việc',
	from: 'Từ ngày',
	to: 'Đến ngày'
};
/** A subject as stored: `resident:12`, `user:3`, `username:…`, `ward`. Anything else is a name. */
const SUBJECT_CODE = /^(ward|[a-z_]+:\S.*)$/;

function bound(params: URLSearchParams, key: 'from' | 'to'): number | undefined {
	const raw = params.get(key)?.trim();
	if (!raw) return undefined;
	if (/^\d{1,15}$/.test(raw)) return Number(raw);
	const day = parseTypedDay(raw);
	if (!day) {
		// The API also takes yyyy-mm-dd and Unix ms (README); the message speaks to the page.
		throw new Problem(
			400,
			'invalid',
			`Ngày ở ô “${FIELD[key]}” không hợp lệ. Xin nhập theo dạng dd/mm/yyyy, ví dụ 25/11/2026.`,
			key
		);
	}
	// `to` names the last day wanted, so it runs to the start of the next day.
	return key === 'from' ? vnDayStart(day) : vnDayStart(day) + DAY_MS;
}

function text(params: URLSearchParams, key: string, max = 120): string | undefined {
	const raw = params.get(key)?.trim();
	if (!raw) return undefined;
	if (raw.length > max) {
		throw new Problem(400, 'invalid', `Ô “${FIELD[key] ?? key}” quá dài.`, key);
	}
	return raw;
}

/**
 * The subject filter: a stored subject (`resident:12`) matches exactly; anything else is a
 * name, folded like the residents' name search and needing 3 letters as it does.
 */
function subjectFilter(params: URLSearchParams): Pick<AuditFilter, 'subject' | 'subjectName'> {
	const raw = text(params, 'subject');
	if (raw === undefined) return {};
	if (SUBJECT_CODE.test(raw)) return { subject: raw };
	const folded = foldVietnamese(raw)
		.replace(/[^a-z0-9 ]/g, '')
		.replace(/ +/g, ' ')
		.trim();
	if (folded === 'ca phuong') return { subject: 'ward' };
	if (folded.replace(/ /g, '').length < 3) {
		throw new Problem(
			400,
			'invalid',
			'Ô “Đối tượng”: xin gõ ít nhất 3 chữ cái của tên, hoặc mã như resident:12.',
			'subject'
		);
	}
	return { subjectName: folded };
}

/** `?actor=&subject=&action=&from=&to=&before=&limit=` → a filter, or a 400 with a reason. */
export function parseAuditQuery(params: URLSearchParams): AuditFilter {
	const from = bound(params, 'from');
	const to = bound(params, 'to');
	if (from !== undefined && to !== undefined && from >= to) {
		throw new Problem(400, 'invalid', 'Ngày ở ô “Từ ngày” phải trước ngày ở ô “Đến ngày”.', 'from');
	}
	const limitText = params.get('limit')?.trim();
	const limit = limitText ? Number(limitText) : 200;
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
		throw new Problem(400, 'invalid', `"limit" là số nguyên từ 1 đến ${MAX_LIMIT}.`, 'limit');
	}
	const beforeText = params.get('before')?.trim();
	const before = beforeText ? Number(beforeText) : undefined;
	if (before !== undefined && (!Number.isSafeInteger(before) || before < 1)) {
		throw new Problem(400, 'invalid', '"before" là số thứ tự của một dòng nhật ký.', 'before');
	}
	return {
		actor: text(params, 'actor', 64)?.toLowerCase(),
		...subjectFilter(params),
		action: text(params, 'action', 64),
		from,
		to,
		before,
		limit
	};
}

/**
 * A row of the log with what it stores put in words for people: the action's Vietnamese name,
 * the subject's name (and its page, if it still exists), the device in short. These fields
 * were added to `GET /api/audit`'s entries; the stored ones keep their names and values.
 */
export interface AuditEntryView extends AuditRow {
	actionName: string;
	subjectName: string;
	subjectHref: string | null;
	/** `detail` as the page shows it (a code such as `milestone:12` in words). */
	detailText: string;
	deviceName: string;
}

/** Puts a page of rows in words: one query per kind of subject on the page, not per row. */
export function describeAudit(store: DataStore, rows: AuditRow[]): AuditEntryView[] {
	const names = subjectNames(
		store.db,
		rows.map((r) => r.subject)
	);
	return rows.map((r) => {
		const subject = names.get(r.subject) ?? { text: r.subject, href: null };
		return {
			...r,
			actionName: actionLabel(r.action),
			subjectName: subject.text,
			subjectHref: subject.href,
			detailText: detailInWords(r.detail, r.action),
			deviceName: deviceSummary(r.device)
		};
	});
}

/** The audit log for the ward officer, newest first, in words (describeAudit). */
export function readAudit(actor: Actor, store: DataStore, filter: AuditFilter): AuditEntryView[] {
	if (actor.role !== 'officer') {
		throw new Problem(403, 'forbidden', 'Chỉ cán bộ phường xem được nhật ký truy cập.');
	}
	return describeAudit(store, findAudit(store.db, filter));
}

export const knownAuditActions = (store: DataStore): string[] => auditActions(store.db);
