import type { HelpKind } from '../../domain/coverage';
import { DAY_MS, VN_OFFSET_MS, vnDayStart } from '../../domain/time';
import type { Params, Reads } from '../store/database';
import { scopeTo } from './scope';

/**
 * A day's activity in SQL. Attendance belongs to the Vietnam day of `checked_in_at` (a
 * range on the index, so "06:30 on 26/11" is 26/11 whatever the server's zone) and to the
 * khu phố recorded with the check-in, which stays even after a resident is erased.
 */

/**
 * Who a check-in was, for counting people: the resident, or for an erased person's rows the one
 * number their erasure gave them all (`erased_as`, migration 0013; a row anonymised before
 * that counts alone). Negative, so never a resident's id.
 */
const ATTENDEE = 'coalesce(a.resident_id, -coalesce(a.erased_as, a.id))';
/**
 * The household `resident` left at their first move that meets `after` (a condition on
 * `mv.at`), NULL when none did: each move keeps the household left (resident_moves, migration
 * 0015), so this is where they lived before it. One index probe (resident_moves_resident_at),
 * on a table that holds only the movers.
 */
const leftAtFirstMoveAfter = (resident: string, after: string) => `(SELECT mv.from_household_id
		FROM resident_moves mv WHERE mv.resident_id = ${resident} AND ${after}
		ORDER BY mv.at, mv.id LIMIT 1)`;
/**
 * The household a resident lived in when they checked in (`r` joined on `a.resident_id`): the
 * register keeps only the current one, and a past day must not follow someone who moved since.
 * The first move after the check-in names it; with none, the register's. NULL for an erased
 * person's rows.
 */
const HOME_AT_CHECKIN = `coalesce(${leftAtFirstMoveAfter('a.resident_id', 'mv.at > a.checked_in_at')},
	r.household_id)`;
/** The household a check-in counts for: an erased person's rows are one home of their own. */
const ATTENDEE_HOME = `coalesce(${HOME_AT_CHECKIN}, -coalesce(a.erased_as, a.id))`;

/**
 * A milestone's khu phố is its holder's household's (milestones carry no khu phố of their own):
 * the household they lived in on the day it was achieved, as for a check-in (a move on a later
 * Vietnam day keeps the household left). When that household is gone (its last member erased
 * since), the current one: counted in some khu phố, so the khu phố still add up to the ward.
 */
const HOME_OF_MILESTONE = `JOIN residents r ON r.id = m.resident_id
	JOIN households h ON h.id = coalesce((SELECT hx.id FROM households hx WHERE hx.id =
		${leftAtFirstMoveAfter(
			'm.resident_id',
			`date((mv.at + ${VN_OFFSET_MS}) / 1000, 'unixepoch') > m.achieved_on`
		)}), r.household_id)`;

const dayRange = (day: string): [number, number] => {
	const start = vnDayStart(day);
	return [start, start + DAY_MS - 1];
};

export interface DayCountsRow {
	checkins: number;
	attendees: number;
	households: number;
}

export function dayCounts(db: Reads, day: string, nb: number | null): DayCountsRow {
	// An erased resident's check-ins (resident_id NULL) still count as one person, and as one
	// household: the anonymous rows keep no link to a home (that would point back at them), so
	// the count stays what it was before the erasure unless a housemate came the same day.
	const scope = scopeTo(nb, 'a.');
	const sql = `SELECT count(*) AS checkins,
			count(DISTINCT ${ATTENDEE}) AS attendees,
			count(DISTINCT ${ATTENDEE_HOME}) AS households
		FROM attendance a LEFT JOIN residents r ON r.id = a.resident_id
		WHERE a.checked_in_at BETWEEN ? AND ? ${scope.sql}`;
	return db.get<DayCountsRow>(sql, [...dayRange(day), ...scope.params])!;
}

export interface SessionRow {
	id: number;
	title: string;
	topic: string | null;
	walkthrough_id: string | null;
	place: string;
	neighborhood_id: number | null;
	starts_at: number;
	closed_at: number | null;
	opened_by: string | null;
	attendees: number;
}

export function sessionsOfDay(db: Reads, day: string, nb: number | null): SessionRow[] {
	const scope = scopeTo(nb, 's.');
	const sql = `SELECT s.id, s.title, s.topic, s.walkthrough_id, s.place, s.neighborhood_id,
			s.starts_at, s.closed_at, u.display_name AS opened_by,
			(SELECT count(*) FROM attendance a WHERE a.session_id = s.id) AS attendees
		FROM class_sessions s LEFT JOIN users u ON u.id = s.opened_by
		WHERE s.starts_at BETWEEN ? AND ? ${scope.sql}
		ORDER BY s.starts_at, s.id`;
	return db.all<SessionRow>(sql, [...dayRange(day), ...scope.params]);
}

export interface OtherSessionRow {
	id: number;
	title: string;
	place: string;
	neighborhood_id: number | null;
	neighborhood: string | null;
	starts_at: number;
	people: number;
}

/**
 * Classes the day's attendees (of khu phố `nb`, or of the ward) came to that `sessionsOfDay`
 * does not list: held in another khu phố, or begun on another day. Without them a head reads
 * "0 buổi học" next to "3 người dự học".
 */
export function otherSessionsOfDay(
	db: Reads,
	day: string,
	nb: number | null
): { sessions: OtherSessionRow[]; people: number } {
	const [from, to] = dayRange(day);
	const attendee = scopeTo(nb, 'a.');
	// A class with no khu phố is "another" class for a head: IS keeps the NOT (…) true for it.
	const listed = scopeTo(nb, 's.', 'IS');
	const where = `a.checked_in_at BETWEEN ? AND ? ${attendee.sql}
		AND NOT (s.starts_at BETWEEN ? AND ? ${listed.sql})`;
	const params = [from, to, ...attendee.params, from, to, ...listed.params];
	const sessions = db.all<OtherSessionRow>(
		`SELECT s.id, s.title, s.place, s.neighborhood_id, n.name AS neighborhood, s.starts_at,
			count(DISTINCT ${ATTENDEE}) AS people
		FROM attendance a JOIN class_sessions s ON s.id = a.session_id
		LEFT JOIN neighborhoods n ON n.id = s.neighborhood_id
		WHERE ${where}
		GROUP BY s.id ORDER BY s.starts_at, s.id`,
		params
	);
	const people =
		sessions.length === 0
			? 0
			: (db.value<number>(
					`SELECT count(DISTINCT ${ATTENDEE})
					FROM attendance a JOIN class_sessions s ON s.id = a.session_id WHERE ${where}`,
					params
				) ?? 0);
	return { sessions, people };
}

export interface AttendanceRow {
	id: number;
	session_id: number;
	session_title: string;
	checked_in_at: number;
	source: string;
	resident_id: number | null;
	full_name: string | null;
	address: string | null;
	/** The khu phố of the household the address is of. */
	neighborhood: string | null;
	volunteer: string | null;
}

export function attendanceOfDay(db: Reads, day: string, nb: number | null): AttendanceRow[] {
	const scope = scopeTo(nb, 'a.');
	const sql = `SELECT a.id, a.session_id, s.title AS session_title, a.checked_in_at, a.source,
			a.resident_id, r.full_name, h.address, n.name AS neighborhood, u.display_name AS volunteer
		FROM attendance a JOIN class_sessions s ON s.id = a.session_id
		LEFT JOIN residents r ON r.id = a.resident_id
		LEFT JOIN households h ON h.id = ${HOME_AT_CHECKIN}
		LEFT JOIN neighborhoods n ON n.id = h.neighborhood_id
		LEFT JOIN users u ON u.id = a.volunteer_id
		WHERE a.checked_in_at BETWEEN ? AND ? ${scope.sql}
		ORDER BY a.checked_in_at, a.id`;
	return db.all<AttendanceRow>(sql, [...dayRange(day), ...scope.params]);
}

/** Distinct people helped with one kind that day (see HELP_KINDS for the definition). */
export function helpedCount(db: Reads, kind: HelpKind, day: string, nb: number | null): number {
	const params: unknown[] = [...dayRange(day)];
	const session: string[] = [];
	for (const prefix of kind.walkthroughPrefixes) {
		session.push("s.walkthrough_id LIKE ? || '%'");
		params.push(prefix);
	}
	if (kind.topics.length > 0) {
		session.push(`s.topic IN (${kind.topics.map(() => '?').join(', ')})`);
		params.push(...kind.topics);
	}
	let exclude = '';
	for (const prefix of kind.excludeWalkthroughPrefixes) {
		exclude += " AND coalesce(s.walkthrough_id, '') NOT LIKE ? || '%'";
		params.push(prefix);
	}
	const attendee = scopeTo(nb, 'a.');
	const home = scopeTo(nb, 'h.');
	params.push(...attendee.params, day, ...kind.skills, ...home.params);
	const sql = `SELECT count(*) FROM (
			SELECT ${ATTENDEE} AS who FROM attendance a
			JOIN class_sessions s ON s.id = a.session_id
			WHERE a.checked_in_at BETWEEN ? AND ? AND (${session.join(' OR ') || '0'}) ${exclude}
				${attendee.sql}
			UNION
			SELECT m.resident_id FROM milestones m
			${nb === null ? '' : HOME_OF_MILESTONE}
			WHERE m.achieved_on = ? AND m.undone_at IS NULL
				AND m.skill_code IN (${kind.skills.map(() => '?').join(', ')})
				${home.sql})`;
	return db.value<number>(sql, params as Params) ?? 0;
}

/** Milestones achieved that day (not undone), by skill code. */
export function milestonesOfDay(
	db: Reads,
	day: string,
	nb: number | null
): Array<{ skill_code: string; count: number }> {
	const home = scopeTo(nb, 'h.');
	const sql = `SELECT m.skill_code, count(*) AS count FROM milestones m
		${nb === null ? '' : HOME_OF_MILESTONE}
		WHERE m.achieved_on = ? AND m.undone_at IS NULL ${home.sql}
		GROUP BY m.skill_code`;
	return db.all(sql, [day, ...home.params]);
}

export interface WeeklyAttendanceRow {
	week: number;
	checkins: number;
}

/**
 * Check-ins per 7-day week from `fromDay` (week 0) to `toDay`. Check-ins, not distinct
 * people: counting distinct people over 12 weeks of a big ward cost 136 ms of CPU
 * (bench:reports), counting index entries a fraction of that.
 */
export function weeklyAttendance(
	db: Reads,
	fromDay: string,
	toDay: string,
	nb: number | null
): WeeklyAttendanceRow[] {
	const from = vnDayStart(fromDay);
	const to = vnDayStart(toDay) + DAY_MS - 1;
	const scope = scopeTo(nb, 'a.');
	const sql = `SELECT CAST((a.checked_in_at - ?) / 604800000 AS INTEGER) AS week, count(*) AS checkins
		FROM attendance a WHERE a.checked_in_at BETWEEN ? AND ? ${scope.sql}
		GROUP BY week ORDER BY week`;
	return db.all<WeeklyAttendanceRow>(sql, [from, from, to, ...scope.params]);
}

export interface LessonUseRow {
	walkthrough_id: string;
	starts: number;
	completes: number;
	leaves: number;
}

/** Anonymous kiosk use (lesson_events) between two days, by lesson. No people, no khu phố. */
export function lessonUse(db: Reads, fromDay: string, toDay: string): LessonUseRow[] {
	const sql = `SELECT walkthrough_id, sum(kind = 'start') AS starts,
			sum(kind = 'complete') AS completes, sum(kind = 'leave') AS leaves
		FROM lesson_events WHERE at BETWEEN ? AND ?
		GROUP BY walkthrough_id ORDER BY starts DESC, walkthrough_id`;
	return db.all<LessonUseRow>(sql, [vnDayStart(fromDay), vnDayStart(toDay) + DAY_MS - 1]);
}

export function setting(db: Reads, key: string): string | undefined {
	return db.value<string>('SELECT value FROM settings WHERE key = ?', [key]);
}

/** A day's attendees per khu phố (for the officer's side-by-side view). */
export function dayAttendeesByNeighborhood(
	db: Reads,
	day: string
): Array<{ neighborhood_id: number; attendees: number }> {
	const sql = `SELECT a.neighborhood_id, count(DISTINCT ${ATTENDEE}) AS attendees
		FROM attendance a WHERE a.checked_in_at BETWEEN ? AND ? GROUP BY a.neighborhood_id`;
	return db.all(sql, dayRange(day));
}
