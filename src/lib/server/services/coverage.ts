import { worksIn, type Actor } from '../../domain/actor';
import {
	daysUntil,
	formatRuleText,
	gapToTarget,
	isReportDay,
	ratio,
	requiredFor,
	type TargetMetric
} from '../../domain/coverage';
import { vnDay } from '../../domain/time';
import {
	coverageByNeighborhood,
	loadDefinitions,
	loadTargets,
	reachByNeighborhood
} from '../repositories/coverage';
import { neighborhoods } from '../repositories/neighborhoods';
import { wardName } from '../repositories/residents';
import type { DataStore } from '../store/data-store';

/** Whose numbers: one khu phố, or the whole ward (neighborhood null). */
export interface Scope {
	neighborhoodId: number | null;
	/** "Khu phố 3" or "Toàn phường". */
	name: string;
	/** "Phường Hà Tu": whose khu phố, on every printed page that leaves the ward's office. */
	ward: string;
}

export interface Failure {
	ok: false;
	status: number;
	reason: string;
	message: string;
}

const fail = (status: number, reason: string, message: string): Failure => ({
	ok: false,
	status,
	reason,
	message
});

/**
 * A head sees only their own khu phố (asking for another is refused, not silently
 * swapped); the ward officer sees any khu phố or, with none asked, the whole ward.
 */
export function resolveScope(
	store: DataStore,
	actor: Actor,
	requested: string | null
): { ok: true; scope: Scope } | Failure {
	const list = neighborhoods(store.db);
	let id: number | null = null;
	if (requested !== null && requested !== '') {
		if (!/^\d{1,6}$/.test(requested)) {
			return fail(400, 'bad_neighborhood', 'Mã khu phố không hợp lệ.');
		}
		id = Number(requested);
		if (!list.some((n) => n.id === id)) {
			return fail(404, 'unknown_neighborhood', 'Không có khu phố này.');
		}
	}
	if (actor.role === 'head') {
		if (actor.neighborhoodId === null) {
			return fail(403, 'forbidden', 'Tài khoản trưởng khu phố chưa được gán khu phố.');
		}
		if (id !== null && !worksIn(actor, id)) {
			return fail(403, 'forbidden', 'Trưởng khu phố chỉ xem được số liệu khu phố của mình.');
		}
		id = actor.neighborhoodId;
	}
	const name = id === null ? 'Toàn phường' : list.find((n) => n.id === id)!.name;
	return { ok: true, scope: { neighborhoodId: id, name, ward: wardName(store.db) } };
}

/** The report day: `YYYY-MM-DD`, not in the future; today (Vietnam) when not given. */
export function resolveDay(
	requested: string | null,
	now: number
): { ok: true; day: string } | Failure {
	const today = vnDay(now);
	if (requested === null || requested === '') return { ok: true, day: today };
	if (!isReportDay(requested)) {
		return fail(400, 'bad_date', 'Ngày không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2026-11-25).');
	}
	if (requested > today)
		return fail(400, 'future_date', 'Chưa có số liệu cho ngày trong tương lai.');
	return { ok: true, day: requested };
}

export interface TargetProgress {
	id: number;
	metric: TargetMetric;
	label: string;
	percent: number;
	deadline: string;
	/** Null for a target we hold no data for (pupils). */
	total: number | null;
	current: number | null;
	required: number | null;
	gap: number | null;
	met: boolean | null;
	daysLeft: number;
}

export interface NeighborhoodCoverage {
	id: number;
	name: string;
	adults: { total: number; skilled: number; ratio: number };
	households: { total: number; covered: number; ratio: number };
	reached: { residents: number; households: number };
}

export interface CoverageReport {
	asOf: string;
	neighborhood: { id: number; name: string } | null;
	adults: { total: number; skilled: number; ratio: number };
	households: { total: number; covered: number; ratio: number };
	reached: { residents: number; households: number };
	targets: TargetProgress[];
	byNeighborhood: NeighborhoodCoverage[];
	definitions: { adultSkilled: string; householdCovered: string; adultMinAge: number };
}

/**
 * Cumulative coverage at the end of `day`, computed once and rendered everywhere (page,
 * print, CSV, XLSX, JSON). Ward figures are the sums of the khu phố rows.
 */
export function coverageReport(store: DataStore, day: string, scope: Scope): CoverageReport {
	const db = store.db;
	const defs = loadDefinitions(db);
	const rows = coverageByNeighborhood(db, defs, day, scope.neighborhoodId);
	const reach = new Map(
		reachByNeighborhood(db, day, scope.neighborhoodId).map((r) => [r.neighborhood_id, r])
	);
	const names = new Map(neighborhoods(db).map((n) => [n.id, n.name]));
	const byNeighborhood: NeighborhoodCoverage[] = rows.map((r) => ({
		id: r.neighborhood_id,
		name: names.get(r.neighborhood_id) ?? '',
		adults: {
			total: r.adults,
			skilled: r.adults_skilled,
			ratio: ratio(r.adults_skilled, r.adults)
		},
		households: {
			total: r.households,
			covered: r.households_covered,
			ratio: ratio(r.households_covered, r.households)
		},
		reached: {
			residents: reach.get(r.neighborhood_id)?.residents ?? 0,
			households: reach.get(r.neighborhood_id)?.households ?? 0
		}
	}));
	const sum = (f: (n: NeighborhoodCoverage) => number) =>
		byNeighborhood.reduce((acc, n) => acc + f(n), 0);
	const adults = { total: sum((n) => n.adults.total), skilled: sum((n) => n.adults.skilled) };
	const households = {
		total: sum((n) => n.households.total),
		covered: sum((n) => n.households.covered)
	};
	const measured: Partial<Record<TargetMetric, { total: number; current: number }>> = {
		adults_skilled: { total: adults.total, current: adults.skilled },
		households_covered: { total: households.total, current: households.covered }
	};
	const targets = loadTargets(db).map((t): TargetProgress => {
		const m = measured[t.metric];
		return {
			...t,
			total: m?.total ?? null,
			current: m?.current ?? null,
			required: m ? requiredFor(m.total, t.percent) : null,
			gap: m ? gapToTarget(m.total, m.current, t.percent) : null,
			// Nobody to count (a khu phố just added) is not a target met: it is not known yet.
			// null is the one place that says so; the report and the daily rows read it.
			met: m && m.total > 0 ? gapToTarget(m.total, m.current, t.percent) === 0 : null,
			daysLeft: daysUntil(day, t.deadline)
		};
	});
	return {
		asOf: day,
		neighborhood:
			scope.neighborhoodId === null ? null : { id: scope.neighborhoodId, name: scope.name },
		adults: { ...adults, ratio: ratio(adults.skilled, adults.total) },
		households: { ...households, ratio: ratio(households.covered, households.total) },
		reached: {
			residents: sum((n) => n.reached.residents),
			households: sum((n) => n.reached.households)
		},
		targets,
		byNeighborhood,
		definitions: {
			adultSkilled: formatRuleText(defs.adultSkilled),
			householdCovered: formatRuleText(defs.householdCovered),
			adultMinAge: defs.adultMinAge
		}
	};
}

/** A head's own khu phố, or null for the officer; used by pages that default the scope. */
export function defaultNeighborhood(actor: Actor): string | null {
	return actor.role === 'head' && actor.neighborhoodId !== null
		? String(actor.neighborhoodId)
		: null;
}
