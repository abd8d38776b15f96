/**
 * Coverage maths: the pure rules behind the heads' dashboards and the daily report. The
 * counts themselves come from SQL over the store (repositories/coverage.ts); these
 * functions say what the counts mean (rules, gaps, weeks) and are tested without a database.
 */
import { compareVietnamese } from './text';
import { DAY_MS, isIsoDay, vnDay, vnDayStart } from './time';

/** A skill rule: every group must be met, a group by any one of its milestone codes. */
export type SkillRule = string[][];

export interface CoverageDefinitions {
	/** "Người trưởng thành có kỹ năng số cơ bản". */
	adultSkilled: SkillRule;
	/** "Hộ gia đình được phủ": one member alone meets every group. */
	householdCovered: SkillRule;
	/** Age (years, by birth year) from which a resident counts as an adult. */
	adultMinAge: number;
}

export type TargetMetric = 'adults_skilled' | 'households_covered' | 'pupils';

export interface CoverageTarget {
	id: number;
	metric: TargetMetric;
	percent: number;
	deadline: string;
	label: string;
}

const CODE = /^[A-Z][A-Z0-9]{0,9}$/;

/** Reads a rule stored as JSON (`[["M4"],["M5","M6"]]`); throws on anything else. */
export function parseSkillRule(json: string): SkillRule {
	const value: unknown = JSON.parse(json);
	if (
		!Array.isArray(value) ||
		value.length === 0 ||
		!value.every(
			(g) =>
				Array.isArray(g) && g.length > 0 && g.every((c) => typeof c === 'string' && CODE.test(c))
		)
	) {
		throw new Error(`not a skill rule: ${json}`);
	}
	return value as SkillRule;
}

/** "M4; M5/M6; M7; M8": groups by semicolons, alternatives by slashes (the officer's form). */
export function formatRuleText(rule: SkillRule): string {
	return rule.map((group) => group.join('/')).join('; ');
}

export type RuleParse = { ok: true; rule: SkillRule } | { ok: false; message: string };

export function parseRuleText(text: string, known: ReadonlySet<string>): RuleParse {
	const groups = text
		.split(/[;,\n]/)
		.map((g) =>
			g
				.split(/[/|]|\bhoặc\b/)
				.map((c) => c.trim().toUpperCase())
				.filter(Boolean)
		)
		.filter((g) => g.length > 0);
	if (groups.length === 0) return { ok: false, message: 'Cần ít nhất một mốc kỹ năng.' };
	for (const code of groups.flat()) {
		if (!known.has(code)) return { ok: false, message: `Không có mốc kỹ năng “${code}”.` };
	}
	return { ok: true, rule: groups.map((g) => [...new Set(g)]) };
}

/** The groups of `rule` that `held` does not meet yet (empty: the rule is met). */
export function missingGroups(held: Iterable<string>, rule: SkillRule): string[][] {
	const have = new Set(held);
	return rule.filter((group) => !group.some((code) => have.has(code)));
}

export function ruleMet(held: Iterable<string>, rule: SkillRule): boolean {
	return missingGroups(held, rule).length === 0;
}

/**
 * Household roll-up from its members: covered when ONE member meets the rule (the plan
 * names "a member who can use" all four services, not four members with one each).
 * Also says which groups the closest member still lacks, to guide the next visit.
 */
export function householdStatus(
	members: Array<Iterable<string>>,
	rule: SkillRule
): { covered: boolean; closestMissing: string[][] } {
	let best: string[][] = rule;
	for (const held of members) {
		const missing = missingGroups(held, rule);
		if (missing.length < best.length) best = missing;
	}
	return { covered: best.length === 0, closestMissing: best };
}

/** Adult by birth year on the day (the register keeps only the year). */
export function isAdult(birthYear: number, day: string, minAge: number): boolean {
	return Number(day.slice(0, 4)) - birthYear >= minAge;
}

export function ratio(part: number, total: number): number {
	return total > 0 ? part / total : 0;
}

/** People (or households) still needed to reach `percent` of `total`: "còn 37 hộ". */
export function gapToTarget(total: number, have: number, percent: number): number {
	// A tiny epsilon keeps 95% of 20 at 19, not 19.000000000000004 → 20.
	const required = Math.ceil((total * percent) / 100 - 1e-9);
	return Math.max(0, required - have);
}

/**
 * Of the ward's targets for one figure, the one due next: the nearest deadline not yet past
 * (the higher percent if two share it). A target whose day has gone is history, not a goal.
 */
export function targetDueNext<T extends { metric: string; percent: number; daysLeft: number }>(
	targets: readonly T[],
	metric: TargetMetric
): T | null {
	let next: T | null = null;
	for (const t of targets) {
		if (t.metric !== metric || t.daysLeft < 0) continue;
		if (
			!next ||
			t.daysLeft < next.daysLeft ||
			(t.daysLeft === next.daysLeft && t.percent > next.percent)
		)
			next = t;
	}
	return next;
}

export function requiredFor(total: number, percent: number): number {
	return Math.ceil((total * percent) / 100 - 1e-9);
}

/** Days from `day` to `deadline` (negative once it has passed). */
export function daysUntil(day: string, deadline: string): number {
	return Math.round((vnDayStart(deadline) - vnDayStart(day)) / DAY_MS);
}

/** The Monday of the (Vietnam) week holding `day`. */
export function weekStart(day: string): string {
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
	return vnDay(vnDayStart(day) - ((weekday + 6) % 7) * DAY_MS);
}

export interface Week {
	start: string;
	/** The week's last day counted: Sunday, or `day` itself for the current week. */
	end: string;
}

/** The `count` weeks up to and including the one holding `day`, oldest first. */
export function weeksUpTo(day: string, count: number): Week[] {
	const last = vnDayStart(weekStart(day));
	return Array.from({ length: count }, (_, i) => {
		const start = last - (count - 1 - i) * 7 * DAY_MS;
		const sunday = vnDay(start + 6 * DAY_MS);
		return { start: vnDay(start), end: sunday > day ? day : sunday };
	});
}

/**
 * "Helped with VNeID / online public services / QR payments" in the daily report, defined
 * from the data we hold (there is no separate "help" record): a resident counts for a kind
 * on a day when that day they either
 *   - checked in to a class whose walkthrough or topic is of that kind, or
 *   - had a milestone of that kind recorded as achieved that day.
 * A person counts once per kind, and may count under several kinds.
 */
export interface HelpKind {
	key: 'vneid' | 'publicServices' | 'qrPayments';
	label: string;
	/** Sessions whose walkthrough id starts with one of these. */
	walkthroughPrefixes: string[];
	/** Sessions with one of these topics (unless the walkthrough is excluded below). */
	topics: string[];
	excludeWalkthroughPrefixes: string[];
	skills: string[];
	explanation: string;
}

/** How a kind of help is counted, in one sentence: the A4 report's "Cách tính" and the dashboard's. */
export const helpCountedAs = (kind: Pick<HelpKind, 'label' | 'explanation'>) =>
	`${kind.label}: số người khác nhau trong ngày đã ${kind.explanation}.`;

export const HELP_KINDS: readonly HelpKind[] = [
	{
		key: 'vneid',
		label: 'Số người được hỗ trợ VNeID',
		walkthroughPrefixes: ['vneid'],
		topics: [],
		excludeWalkthroughPrefixes: [],
		skills: ['M2', 'M3'],
		explanation:
			'dự buổi học về VNeID trong ngày, hoặc được ghi nhận mốc M2 (kích hoạt VNeID mức 2) hay M3 (tích hợp giấy tờ) trong ngày'
	},
	{
		key: 'publicServices',
		label: 'Số người được hỗ trợ dịch vụ công trực tuyến',
		walkthroughPrefixes: ['dvc'],
		topics: ['dich-vu-cong'],
		excludeWalkthroughPrefixes: ['vneid'],
		skills: ['M4'],
		explanation:
			'dự buổi học chủ đề dịch vụ công (trừ buổi VNeID, đã tính riêng) trong ngày, hoặc được ghi nhận mốc M4 trong ngày'
	},
	{
		key: 'qrPayments',
		label: 'Số người được hỗ trợ thanh toán bằng mã QR',
		walkthroughPrefixes: ['chuyen-khoan', 'tien-dien'],
		topics: ['thanh-toan'],
		excludeWalkthroughPrefixes: [],
		skills: ['M5', 'M6'],
		explanation:
			'dự buổi học chủ đề thanh toán số (chuyển khoản VietQR, trả tiền điện) trong ngày, hoặc được ghi nhận mốc M5 hay M6 trong ngày'
	}
];

/**
 * `YYYY-MM-DD` that names a real day. Checks the shape and parses first: `isIsoDay` alone
 * throws a RangeError on "2026-13-01" (an invalid Date has no ISO string).
 */
export function isReportDay(text: string): boolean {
	return (
		/^\d{4}-\d{2}-\d{2}$/.test(text) &&
		!Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
		isIsoDay(text)
	);
}

export type HouseholdSort = 'address' | 'head' | 'members' | 'neighborhood';

interface SortableHousehold {
	id: number;
	address: string;
	head_name: string;
	members: number;
	neighborhood_sort: number;
	neighborhood_id: number;
}

/**
 * The order of the door-to-door list: addresses as a person reads them ("Số 21" before
 * "Số 175", Vietnamese letters in their order), then the household's id so that the order
 * never changes between two prints. Sorting here, not in SQL: SQLite compares text byte by
 * byte, and a collation function called from SQL per comparison cost more than this.
 */
export function sortHouseholds<T extends SortableHousehold>(rows: T[], sort: HouseholdSort): T[] {
	const byAddress = (a: T, b: T) => compareVietnamese(a.address, b.address) || a.id - b.id;
	const compare: Record<HouseholdSort, (a: T, b: T) => number> = {
		address: byAddress,
		head: (a, b) => compareVietnamese(a.head_name, b.head_name) || a.id - b.id,
		members: (a, b) => b.members - a.members || byAddress(a, b),
		neighborhood: (a, b) =>
			a.neighborhood_sort - b.neighborhood_sort ||
			a.neighborhood_id - b.neighborhood_id ||
			byAddress(a, b)
	};
	return [...rows].sort(compare[sort]);
}
