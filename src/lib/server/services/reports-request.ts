import type { Actor } from '../../domain/actor';
import { vnDay } from '../../domain/time';
import type { DataStore } from '../store/data-store';
import { resolveDay, resolveScope, type Failure, type Scope } from './coverage';

/**
 * `?date=YYYY-MM-DD&neighborhood=N` as every report endpoint and page reads it: the same
 * defaults and the same refusals everywhere.
 */
export function reportQuery(
	store: DataStore,
	actor: Actor,
	url: URL,
	now: number
): { ok: true; day: string; scope: Scope } | Failure {
	const day = resolveDay(url.searchParams.get('date'), now);
	if (!day.ok) return day;
	const scope = resolveScope(store, actor, url.searchParams.get('neighborhood'));
	if (!scope.ok) return scope;
	return { ok: true, day: day.day, scope: scope.scope };
}

/** What a report page says above itself when the day in its address could not be used. */
export const DATE_NOTICES: Record<string, string> = {
	bad_date: 'Ngày trong địa chỉ không đúng. Đang xem hôm nay.',
	future_date: 'Ngày trong địa chỉ chưa tới, chưa có số liệu. Đang xem hôm nay.'
};

/**
 * `reportQuery` for the report pages a person reads. A day in the address that is not a day
 * ("02/12/2026", "2026-02-30") or is still to come is no dead end there: the page shows today,
 * with its usual date picker, and `dateNotice` says why in plain words. The JSON, CSV and XLSX
 * endpoints keep `reportQuery`: programs read their 400 and its reason.
 */
export function reportPageQuery(
	store: DataStore,
	actor: Actor,
	url: URL,
	now: number
): { ok: true; day: string; scope: Scope; dateNotice: string | null } | Failure {
	const query = reportQuery(store, actor, url, now);
	if (query.ok) return { ...query, dateNotice: null };
	const notice = DATE_NOTICES[query.reason];
	if (notice === undefined) return query;
	const scope = resolveScope(store, actor, url.searchParams.get('neighborhood'));
	if (!scope.ok) return scope;
	return { ok: true, day: vnDay(now), scope: scope.scope, dateNotice: notice };
}
