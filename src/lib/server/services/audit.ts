import type { Actor } from '../../domain/actor';
import { DAY_MS, isIsoDay, vnDayStart } from '../../domain/time';
import { Problem } from '../http/problem';
import type { AuditEntry } from '../ops/audit';
import { auditActions, findAudit, type AuditFilter, type AuditRow } from '../repositories/audit';
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

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const MAX_LIMIT = 1000;
/** The filter's day fields as the access log page names them (the API's names follow). */
const DAY_FIELD = { from: 'Từ ngày', to: 'Đến ngày' } as const;

/** A Vietnam calendar day as 'YYYY-MM-DD' from ISO or dd/mm/yyyy text, or undefined. */
function dayOf(text: string): string | undefined {
	const dmy = DMY.exec(text);
	const iso = dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : text;
	return DAY.test(iso) && isIsoDay(iso) ? iso : undefined;
}

function bound(params: URLSearchParams, key: 'from' | 'to'): number | undefined {
	const raw = params.get(key)?.trim();
	if (!raw) return undefined;
	if (/^\d{1,15}$/.test(raw)) return Number(raw);
	const day = dayOf(raw);
	if (!day) {
		throw new Problem(
			400,
			'invalid',
			`“${DAY_FIELD[key]}” ("${key}") phải là ngày dạng dd/mm/yyyy (hoặc yyyy-mm-dd, hoặc mốc thời gian tính bằng ms).`,
			key
		);
	}
	// `to` names the last day wanted, so it runs to the start of the next day.
	return key === 'from' ? vnDayStart(day) : vnDayStart(day) + DAY_MS;
}

function text(params: URLSearchParams, key: string, max = 120): string | undefined {
	const raw = params.get(key)?.trim();
	if (!raw) return undefined;
	if (raw.length > max) throw new Problem(400, 'invalid', `"${key}" quá dài.`, key);
	return raw;
}

/** `?actor=&subject=&action=&from=&to=&before=&limit=` → a filter, or a 400 with a reason. */
export function parseAuditQuery(params: URLSearchParams): AuditFilter {
	const from = bound(params, 'from');
	const to = bound(params, 'to');
	if (from !== undefined && to !== undefined && from >= to) {
		throw new Problem(400, 'invalid', '“Từ ngày” phải trước “Đến ngày” ("from", "to").', 'from');
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
		subject: text(params, 'subject'),
		action: text(params, 'action', 64),
		from,
		to,
		before,
		limit
	};
}

/** The audit log for the ward officer, newest first. */
export function readAudit(actor: Actor, store: DataStore, filter: AuditFilter): AuditRow[] {
	if (actor.role !== 'officer') {
		throw new Problem(403, 'forbidden', 'Chỉ cán bộ phường xem được nhật ký truy cập.');
	}
	return findAudit(store.db, filter);
}

export const knownAuditActions = (store: DataStore): string[] => auditActions(store.db);
