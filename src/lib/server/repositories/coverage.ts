import {
	parseSkillRule,
	type CoverageDefinitions,
	type CoverageTarget,
	type TargetMetric
} from '../../domain/coverage';
import { DAY_MS, vnDayStart } from '../../domain/time';
import type { Reads } from '../store/database';
import { scopeTo } from './scope';

/**
 * Coverage counts in SQL. The key idea: for each resident, the first day on which their
 * (not undone) milestones met a rule — the latest of the earliest days of each group
 * (`resident_coverage`, kept by triggers: migration 0005). A resident meets the rule "as of
 * day D" exactly when that day ≤ D, so one row per resident serves any date, the weekly
 * trend and the khu phố comparison alike.
 *
 * Nobody counts on a day before they were registered (`created_at`), whatever their
 * milestones' dates (a paper record may be older than the register): on that day they were
 * not on the ward's list, so not in a total, not covered, not reached. The same for a household.
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

/** The Vietnam day (UTC+7, `YYYY-MM-DD`) a resident_coverage row's person was registered. */
const REGISTERED_DAY = "date((created_at + 25200000) / 1000, 'unixepoch')";

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
	const scope = scopeTo(neighborhoodId);
	const scopeC = scopeTo(neighborhoodId, 'c.');
	// A household is covered through a member registered by then, in a household that was.
	const sql = `WITH
		adults AS (
			SELECT neighborhood_id AS nb, count(*) AS total,
				coalesce(sum(adult_since <= ?), 0) AS skilled
			FROM resident_coverage
			WHERE created_at < ? AND birth_year <= ? ${scope.sql}
			GROUP BY neighborhood_id),
		homes AS (
			SELECT neighborhood_id AS nb, count(*) AS total FROM households
			WHERE created_at < ? ${scope.sql} GROUP BY neighborhood_id),
		covered AS (
			SELECT c.neighborhood_id AS nb, count(DISTINCT c.household_id) AS covered
			FROM resident_coverage c JOIN households h ON h.id = c.household_id
			WHERE c.household_since <= ? AND c.created_at < ? AND h.created_at < ? ${scopeC.sql}
			GROUP BY c.neighborhood_id)
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
		...scope.params,
		dayEnd,
		...scope.params,
		day,
		dayEnd,
		dayEnd,
		...scope.params,
		...scope.params
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
	const scope = scopeTo(neighborhoodId);
	// Skilled from the later of the day the rule was met and the day they were registered.
	const skilled = db.all<{ day: string; count: number }>(
		`SELECT max(adult_since, ${REGISTERED_DAY}) AS day, count(*) AS count
		FROM resident_coverage
		WHERE adult_since <= ? AND birth_year <= ? AND created_at < ? ${scope.sql}
		GROUP BY day ORDER BY day`,
		[lastDay, year, dayEnd, ...scope.params]
	);
	const created = db.all<{ day: string; count: number }>(
		`SELECT ${REGISTERED_DAY} AS day, count(*) AS count
		FROM resident_coverage WHERE birth_year <= ? AND created_at < ? ${scope.sql}
		GROUP BY day ORDER BY day`,
		[year, dayEnd, ...scope.params]
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
	const scope = scopeTo(neighborhoodId, 'h.');
	// Members, and members reached, among those registered by then.
	const sql = `SELECT h.id, h.neighborhood_id, n.name AS neighborhood, n.sort AS neighborhood_sort,
			h.address, h.head_name,
			(SELECT count(*) FROM resident_coverage c
				WHERE c.household_id = h.id AND c.created_at < ?) AS members
		FROM households h JOIN neighborhoods n ON n.id = h.neighborhood_id
		WHERE h.created_at < ? ${scope.sql}
			AND NOT EXISTS (SELECT 1 FROM resident_coverage c
				WHERE c.household_id = h.id AND c.first_seen <= ? AND c.created_at < ?)`;
	const params = [dayEnd, dayEnd, ...scope.params, day, dayEnd];
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
	const dayEnd = vnDayStart(day) + DAY_MS;
	const scope = scopeTo(neighborhoodId, 'c.');
	// A person registered by then, in a household registered by then (they may have moved
	// into a newer one since: then they count, and no household for them).
	const sql = `SELECT c.neighborhood_id, count(*) AS residents,
			count(DISTINCT CASE WHEN h.created_at < ? THEN c.household_id END) AS households
		FROM resident_coverage c JOIN households h ON h.id = c.household_id
		WHERE c.first_seen <= ? AND c.created_at < ? ${scope.sql}
		GROUP BY c.neighborhood_id`;
	return db.all<ReachRow>(sql, [dayEnd, day, dayEnd, ...scope.params]);
}
