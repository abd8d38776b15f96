import type { Actor } from '../../domain/actor';
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
