import {
	parseSkillRule,
	type CoverageDefinitions,
	type CoverageTarget,
	type SkillRule,
	type TargetMetric
} from '../../domain/coverage';
import { DAY_MS, vnDayStart } from '../../domain/time';
import type { Db, Params } from '../store/database';

/**
 * Coverage counts in SQL. The key idea: for each resident, the first day on which their
 * (not undone) milestones met a rule — the latest of the earliest days of each group. A
 * resident meets the rule "as of day D" exactly when that day ≤ D, so one pass over the
 * milestones serves any date, the weekly trend and the khu phố comparison alike.
 */

interface DefinitionRow {
	key: string;
	value: string;
	label: string;
}
interface TargetRow {
	id: number;
	metric: TargetMetric;
	percent: number;
	deadline: string;
	label: string;
}

export function loadDefinitions(db: Db): CoverageDefinitions & { labels: Record<string, string> } {
	const rows = db.all<DefinitionRow>('SELECT key, value, label FROM coverage_definitions');
	const by = new Map(rows.map((r) => [r.key, r]));
	const need = (key: string) => {
		const row = by.get(key);
		if (!row) throw new Error(`coverage definition ${key} is missing`);
		return row;
	};
	return {
		adultSkilled: parseSkillRule(need('adult_skilled').value),
		householdCovered: parseSkillRule(need('household_covered').value),
		adultMinAge: Number(need('adult_min_age').value),
		labels: Object.fromEntries(rows.map((r) => [r.key, r.label]))
	};
}

export function loadTargets(db: Db): CoverageTarget[] {
	return db.all<TargetRow>(
		'SELECT id, metric, percent, deadline, label FROM coverage_targets ORDER BY metric, deadline, id'
	);
}

/** `min(CASE WHEN code IN (…) THEN achieved_on END)` per group, the latest of them. */
function sinceExpr(rule: SkillRule, params: unknown[]): string {
	const parts = rule.map((group) => {
		params.push(...group);
		return `min(CASE WHEN m.skill_code IN (${group.map(() => '?').join(', ')}) THEN m.achieved_on END)`;
	});
	// SQLite's max() with one argument is the aggregate: only wrap two or more.
	return parts.length === 1 ? parts[0] : `max(${parts.join(', ')})`;
}

/**
 * A CTE `q(resident_id, adult_since, household_since)` for the residents of one khu phố
 * (or the ward). Residents without milestones have no row.
 */
function qualifiedCte(defs: CoverageDefinitions, neighborhoodId: number | null, params: unknown[]) {
	const adult = sinceExpr(defs.adultSkilled, params);
	const household = sinceExpr(defs.householdCovered, params);
	let scope = '';
	if (neighborhoodId !== null) {
		scope = `AND m.resident_id IN (SELECT r.id FROM residents r JOIN households h ON h.id = r.household_id WHERE h.neighborhood_id = ?)`;
		params.push(neighborhoodId);
	}
	return `q AS (SELECT m.resident_id, ${adult} AS adult_since, ${household} AS household_since
		FROM milestones m WHERE m.undone_at IS NULL ${scope} GROUP BY m.resident_id)`;
}

export interface CoverageCountRow {
	neighborhood_id: number;
	adults: number;
	adults_skilled: number;
	households: number;
	households_covered: number;
}

/** Adults and households, skilled and covered, as of the end of `day`, per khu phố. */
export function coverageByNeighborhood(
	db: Db,
	defs: CoverageDefinitions,
	day: string,
	neighborhoodId: number | null
): CoverageCountRow[] {
	const params: unknown[] = [];
	const cte = qualifiedCte(defs, neighborhoodId, params);
	const dayEnd = vnDayStart(day) + DAY_MS;
	const year = Number(day.slice(0, 4));
	const scope = neighborhoodId === null ? '' : 'AND h.neighborhood_id = ?';
	const scoped = neighborhoodId === null ? [] : [neighborhoodId];
	const sql = `WITH ${cte},
		adults AS (
			SELECT h.neighborhood_id AS nb, count(*) AS total,
				coalesce(sum(q.adult_since <= ?), 0) AS skilled
			FROM residents r JOIN households h ON h.id = r.household_id
			LEFT JOIN q ON q.resident_id = r.id
			WHERE r.created_at < ? AND ? - r.birth_year >= ? ${scope}
			GROUP BY h.neighborhood_id),
		homes AS (
			SELECT h.neighborhood_id AS nb, count(*) AS total,
				coalesce(sum(hq.since <= ?), 0) AS covered
			FROM households h
			LEFT JOIN (SELECT r.household_id, min(q.household_since) AS since
				FROM q JOIN residents r ON r.id = q.resident_id GROUP BY r.household_id) hq
				ON hq.household_id = h.id
			WHERE h.created_at < ? ${scope}
			GROUP BY h.neighborhood_id)
		SELECT n.id AS neighborhood_id, coalesce(adults.total, 0) AS adults,
			coalesce(adults.skilled, 0) AS adults_skilled, coalesce(homes.total, 0) AS households,
			coalesce(homes.covered, 0) AS households_covered
		FROM neighborhoods n LEFT JOIN adults ON adults.nb = n.id LEFT JOIN homes ON homes.nb = n.id
		${neighborhoodId === null ? '' : 'WHERE n.id = ?'}
		ORDER BY n.sort, n.id`;
	params.push(day, dayEnd, year, defs.adultMinAge, ...scoped, day, dayEnd, ...scoped, ...scoped);
	return db.all<CoverageCountRow>(sql, params as Params);
}

export interface TrendRow {
	week_end: string;
	adults: number;
	adults_skilled: number;
}

/** Adults skilled at the end of each given day (the weekly trend line), in one query. */
export function adultsSkilledTrend(
	db: Db,
	defs: CoverageDefinitions,
	weekEnds: string[],
	neighborhoodId: number | null
): TrendRow[] {
	const params: unknown[] = [];
	const cte = qualifiedCte(defs, neighborhoodId, params);
	const scope = neighborhoodId === null ? '' : 'AND h.neighborhood_id = ?';
	const sql = `WITH ${cte},
		weeks AS (SELECT value AS d FROM json_each(?)),
		adults AS (SELECT r.birth_year, r.created_at, q.adult_since
			FROM residents r JOIN households h ON h.id = r.household_id
			LEFT JOIN q ON q.resident_id = r.id WHERE 1 ${scope})
		SELECT w.d AS week_end, count(a.birth_year) AS adults,
			coalesce(sum(a.adult_since <= w.d), 0) AS adults_skilled
		FROM weeks w LEFT JOIN adults a
			ON a.created_at < (unixepoch(w.d) * 1000 + 86400000 - 25200000)
			AND CAST(substr(w.d, 1, 4) AS INTEGER) - a.birth_year >= ?
		GROUP BY w.d ORDER BY w.d`;
	params.push(JSON.stringify(weekEnds));
	if (neighborhoodId !== null) params.push(neighborhoodId);
	params.push(defs.adultMinAge);
	return db.all<TrendRow>(sql, params as Params);
}

export interface HouseholdRow {
	id: number;
	neighborhood_id: number;
	neighborhood: string;
	address: string;
	head_name: string;
	members: number;
}

export type HouseholdSort = 'address' | 'head' | 'members' | 'neighborhood';
const ORDER: Record<HouseholdSort, string> = {
	address: 'h.address COLLATE NOCASE, h.id',
	head: 'h.head_name COLLATE NOCASE, h.id',
	members: 'members DESC, h.address COLLATE NOCASE, h.id',
	neighborhood: 'n.sort, n.id, h.address COLLATE NOCASE, h.id'
};

/**
 * Households nobody has reached by the end of `day`: no member checked in to any class
 * and none holds a milestone. The list heads print for door-to-door visits.
 */
export function householdsNotReached(
	db: Db,
	day: string,
	neighborhoodId: number | null,
	sort: HouseholdSort
): HouseholdRow[] {
	const dayEnd = vnDayStart(day) + DAY_MS;
	const sql = `SELECT h.id, h.neighborhood_id, n.name AS neighborhood, h.address, h.head_name,
			(SELECT count(*) FROM residents r WHERE r.household_id = h.id) AS members
		FROM households h JOIN neighborhoods n ON n.id = h.neighborhood_id
		WHERE h.created_at < ? ${neighborhoodId === null ? '' : 'AND h.neighborhood_id = ?'}
			AND NOT EXISTS (SELECT 1 FROM residents r JOIN attendance a ON a.resident_id = r.id
				WHERE r.household_id = h.id AND a.checked_in_at < ?)
			AND NOT EXISTS (SELECT 1 FROM residents r JOIN milestones m ON m.resident_id = r.id
				WHERE r.household_id = h.id AND m.undone_at IS NULL AND m.achieved_on <= ?)
		ORDER BY ${ORDER[sort]}`;
	const params =
		neighborhoodId === null ? [dayEnd, dayEnd, day] : [dayEnd, neighborhoodId, dayEnd, day];
	return db.all<HouseholdRow>(sql, params);
}

export interface ReachRow {
	neighborhood_id: number;
	residents: number;
	households: number;
}

/** Residents and households reached (a class or a milestone) by the end of `day`. */
export function reachByNeighborhood(
	db: Db,
	day: string,
	neighborhoodId: number | null
): ReachRow[] {
	const dayEnd = vnDayStart(day) + DAY_MS;
	const sql = `SELECT h.neighborhood_id, count(*) AS residents, count(DISTINCT h.id) AS households
		FROM residents r JOIN households h ON h.id = r.household_id
		WHERE ${neighborhoodId === null ? '1' : 'h.neighborhood_id = ?'}
			AND (EXISTS (SELECT 1 FROM attendance a WHERE a.resident_id = r.id AND a.checked_in_at < ?)
			OR EXISTS (SELECT 1 FROM milestones m WHERE m.resident_id = r.id AND m.undone_at IS NULL
				AND m.achieved_on <= ?))
		GROUP BY h.neighborhood_id`;
	const params = neighborhoodId === null ? [dayEnd, day] : [neighborhoodId, dayEnd, day];
	return db.all<ReachRow>(sql, params);
}
