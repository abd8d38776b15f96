import {
	parseSkillRule,
	type CoverageDefinitions,
	type CoverageTarget,
	type TargetMetric
} from '../../domain/coverage';
import { DAY_MS, vnDayStart } from '../../domain/time';
import type { Reads } from '../store/database';

/**
 * Coverage counts in SQL. The key idea: for each resident, the first day on which their
 * (not undone) milestones met a rule — the latest of the earliest days of each group
 * (`resident_coverage`, kept by triggers: migration 0005). A resident meets the rule "as of
 * day D" exactly when that day ≤ D, so one row per resident serves any date, the weekly
 * trend and the khu phố comparison alike.
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

export function loadDefinitions(
	db: Reads
): CoverageDefinitions & { labels: Record<string, string> } {
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

export function loadTargets(db: Reads): CoverageTarget[] {
	return db.all<TargetRow>(
		'SELECT id, metric, percent, deadline, label FROM coverage_targets ORDER BY metric, deadline, id'
	);
}

export interface CoverageCountRow {
	neighborhood_id: number;
	adults: number;
	adults_skilled: number;
	households: number;
	households_covered: number;
}

/**
 * Adults and households, skilled and covered, as of the end of `day`, per khu phố. Reads
 * `resident_coverage` (migration 0005), which triggers keep in step with the register,
 * the milestones and the check-ins.
 */
export function coverageByNeighborhood(
	db: Reads,
	defs: CoverageDefinitions,
	day: string,
	neighborhoodId: number | null
): CoverageCountRow[] {
	const dayEnd = vnDayStart(day) + DAY_MS;
	const year = Number(day.slice(0, 4));
	const scope = neighborhoodId === null ? '' : 'AND neighborhood_id = ?';
	const scoped = neighborhoodId === null ? [] : [neighborhoodId];
	const sql = `WITH
		adults AS (
			SELECT neighborhood_id AS nb, count(*) AS total,
				coalesce(sum(adult_since <= ?), 0) AS skilled
			FROM resident_coverage
			WHERE created_at < ? AND birth_year <= ? ${scope}
			GROUP BY neighborhood_id),
		homes AS (
			SELECT neighborhood_id AS nb, count(*) AS total FROM households
			WHERE created_at < ? ${scope} GROUP BY neighborhood_id),
		covered AS (
			SELECT neighborhood_id AS nb, count(DISTINCT household_id) AS covered
			FROM resident_coverage WHERE household_since <= ? ${scope} GROUP BY neighborhood_id)
		SELECT n.id AS neighborhood_id, coalesce(adults.total, 0) AS adults,
			coalesce(adults.skilled, 0) AS adults_skilled, coalesce(homes.total, 0) AS households,
			coalesce(covered.covered, 0) AS households_covered
		FROM neighborhoods n LEFT JOIN adults ON adults.nb = n.id
		LEFT JOIN homes ON homes.nb = n.id LEFT JOIN covered ON covered.nb = n.id
		${neighborhoodId === null ? '' : 'WHERE n.id = ?'}
		ORDER BY n.sort, n.id`;
	const params = [
		day,
		dayEnd,
		year - defs.adultMinAge,
		...scoped,
		dayEnd,
		...scoped,
		day,
		...scoped,
		...scoped
	];
	return db.all<CoverageCountRow>(sql, params);
}

/**
 * Adults, and adults skilled, by day: how many came onto the register and how many became
 * skilled on each day up to `lastDay`. The trend sums these up to each week's end. Age is
 * taken in `lastDay`'s year for every week (the register keeps only birth years, so an 18th
 * birthday has no date anyway).
 */
export function adultsByDay(
	db: Reads,
	defs: CoverageDefinitions,
	lastDay: string,
	neighborhoodId: number | null
): {
	skilled: Array<{ day: string; count: number }>;
	created: Array<{ day: string; count: number }>;
} {
	const year = Number(lastDay.slice(0, 4)) - defs.adultMinAge;
	const dayEnd = vnDayStart(lastDay) + DAY_MS;
	const scope = neighborhoodId === null ? '' : 'AND neighborhood_id = ?';
	const scoped = neighborhoodId === null ? [] : [neighborhoodId];
	const skilled = db.all<{ day: string; count: number }>(
		`SELECT adult_since AS day, count(*) AS count FROM resident_coverage
		WHERE adult_since <= ? AND birth_year <= ? AND created_at < ? ${scope}
		GROUP BY adult_since ORDER BY adult_since`,
		[lastDay, year, dayEnd, ...scoped]
	);
	const created = db.all<{ day: string; count: number }>(
		`SELECT date((created_at + 25200000) / 1000, 'unixepoch') AS day, count(*) AS count
		FROM resident_coverage WHERE birth_year <= ? AND created_at < ? ${scope}
		GROUP BY day ORDER BY day`,
		[year, dayEnd, ...scoped]
	);
	return { skilled, created };
}

export interface HouseholdRow {
	id: number;
	neighborhood_id: number;
	neighborhood: string;
	neighborhood_sort: number;
	address: string;
	head_name: string;
	members: number;
}

/**
 * Households nobody has reached by the end of `day`: no member checked in to any class
 * and none holds a milestone. The list heads print for door-to-door visits; in no order
 * (sortHouseholds in domain/coverage puts them in the one people read).
 */
export function householdsNotReached(
	db: Reads,
	day: string,
	neighborhoodId: number | null
): HouseholdRow[] {
	const dayEnd = vnDayStart(day) + DAY_MS;
	const sql = `SELECT h.id, h.neighborhood_id, n.name AS neighborhood, n.sort AS neighborhood_sort,
			h.address, h.head_name,
			(SELECT count(*) FROM resident_coverage c WHERE c.household_id = h.id) AS members
		FROM households h JOIN neighborhoods n ON n.id = h.neighborhood_id
		WHERE h.created_at < ? ${neighborhoodId === null ? '' : 'AND h.neighborhood_id = ?'}
			AND NOT EXISTS (SELECT 1 FROM resident_coverage c
				WHERE c.household_id = h.id AND c.first_seen <= ?)`;
	const params = neighborhoodId === null ? [dayEnd, day] : [dayEnd, neighborhoodId, day];
	return db.all<HouseholdRow>(sql, params);
}

export interface ReachRow {
	neighborhood_id: number;
	residents: number;
	households: number;
}

/** Residents and households reached (a class or a milestone) by the end of `day`. */
export function reachByNeighborhood(
	db: Reads,
	day: string,
	neighborhoodId: number | null
): ReachRow[] {
	const sql = `SELECT neighborhood_id, count(*) AS residents,
			count(DISTINCT household_id) AS households
		FROM resident_coverage
		WHERE first_seen <= ? ${neighborhoodId === null ? '' : 'AND neighborhood_id = ?'}
		GROUP BY neighborhood_id`;
	return db.all<ReachRow>(sql, neighborhoodId === null ? [day] : [day, neighborhoodId]);
}
