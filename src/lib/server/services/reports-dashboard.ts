import type { Actor } from '../../domain/actor';
import { addressLine } from '../../domain/checkin-people';
import { ratio, sortHouseholds, type HouseholdSort } from '../../domain/coverage';
import { formatDay, formatTime } from '../../domain/time';
import {
	adultsByDay,
	coverageByNeighborhood,
	householdsNotReached,
	loadDefinitions
} from '../repositories/coverage';
import {
	attendanceOfDay,
	dayAttendeesByNeighborhood,
	lessonUse,
	sessionsOfDay,
	weeklyAttendance
} from '../repositories/reports';
import { neighborhoods } from '../repositories/neighborhoods';
import type { DataStore } from '../store/data-store';
import { auditRead } from './audit';
import type { Scope } from './coverage';
import { dailyReport, lastSevenDays, trendWeeks, type DailyReport } from './reports';

export const HOUSEHOLD_SORTS: HouseholdSort[] = ['address', 'head', 'members', 'neighborhood'];

export function parseSort(value: string | null, scope: Scope): HouseholdSort {
	if (HOUSEHOLD_SORTS.includes(value as HouseholdSort)) return value as HouseholdSort;
	// The whole ward's households go out khu phố by khu phố (the printed list is split so).
	return scope.neighborhoodId === null ? 'neighborhood' : 'address';
}

/** The households not reached by the end of `day`, in the order people read them. */
export function householdsToVisit(
	store: DataStore,
	day: string,
	scope: Scope,
	sort: HouseholdSort
) {
	return sortHouseholds(householdsNotReached(store.db, day, scope.neighborhoodId), sort);
}

/** A khu phố of the ward with no household left to visit by the end of a day. */
export interface NoneLeft {
	id: number;
	name: string;
	/** Households it held by then: all reached, or 0 (none registered yet, not "done"). */
	households: number;
}

/**
 * The khu phố of `scope` missing from its door-to-door list (`toVisit`, the households not
 * reached by the end of `day`), in the ward's order. The list names them, so the officer
 * tells a khu phố done from one forgotten (and a head sees their list is empty, not broken).
 */
export function noneLeftToVisit(
	store: DataStore,
	day: string,
	scope: Scope,
	toVisit: Array<{ neighborhood_id: number }>
): NoneLeft[] {
	const listed = new Set(toVisit.map((h) => h.neighborhood_id));
	const names = new Map(neighborhoods(store.db).map((n) => [n.id, n.name]));
	const defs = loadDefinitions(store.db);
	return coverageByNeighborhood(store.db, defs, day, scope.neighborhoodId)
		.filter((n) => !listed.has(n.neighborhood_id))
		.map((n) => ({
			id: n.neighborhood_id,
			name: names.get(n.neighborhood_id) ?? '',
			households: n.households
		}));
}

export interface TrendPoint {
	start: string;
	end: string;
	checkins: number;
	adults: number;
	skilled: number;
	ratio: number;
}

/** Twelve weeks: check-ins of each week and the share of adults skilled at its end. */
export function weeklyTrend(store: DataStore, day: string, scope: Scope): TrendPoint[] {
	const weeks = trendWeeks(day);
	const defs = loadDefinitions(store.db);
	const att = new Map(
		weeklyAttendance(store.db, weeks[0].start, day, scope.neighborhoodId).map((r) => [r.week, r])
	);
	const byDay = adultsByDay(store.db, defs, day, scope.neighborhoodId);
	// Running totals of the SQL day counts up to each week's last day.
	const upTo = (rows: Array<{ day: string; count: number }>, end: string) =>
		rows.reduce((acc, r) => (r.day <= end ? acc + r.count : acc), 0);
	return weeks.map((w, i) => {
		const adults = upTo(byDay.created, w.end);
		const skilled = upTo(byDay.skilled, w.end);
		return {
			...w,
			checkins: att.get(i)?.checkins ?? 0,
			adults,
			skilled,
			ratio: ratio(skilled, adults)
		};
	});
}

export function sessionsAndAttendance(store: DataStore, day: string, scope: Scope) {
	const sessions = sessionsOfDay(store.db, day, scope.neighborhoodId).map((s) => ({
		id: s.id,
		title: s.title,
		place: s.place,
		time: formatTime(s.starts_at),
		open: s.closed_at === null,
		openedBy: s.opened_by ?? '',
		attendees: s.attendees
	}));
	const attendance = attendanceOfDay(store.db, day, scope.neighborhoodId).map((a) => ({
		id: a.id,
		time: formatTime(a.checked_in_at),
		residentId: a.resident_id,
		name: a.full_name ?? '(đã xoá theo yêu cầu)',
		address: a.address === null ? '' : addressLine(a.address, a.neighborhood ?? ''),
		session: a.session_title,
		volunteer: a.volunteer ?? ''
	}));
	return { sessions, attendance };
}

export function kioskUse(store: DataStore, day: string) {
	const week = lastSevenDays(day);
	return {
		day: lessonUse(store.db, day, day),
		week: lessonUse(store.db, week.from, week.to),
		from: week.from
	};
}

export interface DashboardData {
	report: DailyReport;
	trend: TrendPoint[];
	kiosk: ReturnType<typeof kioskUse>;
	notReached: ReturnType<typeof householdsToVisit>;
	compare: Array<{ id: number; name: string; attendees: number }> | null;
	sessions: ReturnType<typeof sessionsAndAttendance>['sessions'];
	attendance: ReturnType<typeof sessionsAndAttendance>['attendance'];
}

/**
 * Everything the head's dashboard shows. The page lists names and addresses, so opening it
 * is a read of personal data and goes into the audit log.
 */
export async function dashboard(
	store: DataStore,
	actor: Actor,
	day: string,
	scope: Scope,
	sort: HouseholdSort
): Promise<DashboardData> {
	const report = dailyReport(store, day, scope);
	const data: DashboardData = {
		report,
		trend: weeklyTrend(store, day, scope),
		kiosk: kioskUse(store, day),
		notReached: householdsToVisit(store, day, scope, sort),
		compare:
			scope.neighborhoodId === null
				? (() => {
						const by = new Map(
							dayAttendeesByNeighborhood(store.db, day).map((r) => [r.neighborhood_id, r.attendees])
						);
						return neighborhoods(store.db).map((n) => ({
							id: n.id,
							name: n.name,
							attendees: by.get(n.id) ?? 0
						}));
					})()
				: null,
		...sessionsAndAttendance(store, day, scope)
	};
	await auditRead(store, actor, {
		action: 'report.dashboard.view',
		subject: scope.neighborhoodId === null ? 'ward' : `neighborhood:${scope.neighborhoodId}`,
		detail: `Ngày ${formatDay(day)}`
	});
	return data;
}

export async function notReachedList(
	store: DataStore,
	actor: Actor,
	day: string,
	scope: Scope,
	sort: HouseholdSort
) {
	const rows = householdsToVisit(store, day, scope, sort);
	await auditRead(store, actor, {
		action: 'report.not_reached.print',
		subject: scope.neighborhoodId === null ? 'ward' : `neighborhood:${scope.neighborhoodId}`,
		detail: `Ngày ${formatDay(day)}, ${rows.length} hộ`
	});
	return rows;
}
