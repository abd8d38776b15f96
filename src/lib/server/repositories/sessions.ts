import {
	HELP_OPEN_MS,
	type AttendanceEntry,
	type ClassSession,
	type HelpRequest
} from '../../domain/checkin-people';
import type { Reads } from '../store/database';
import { HELP_OPEN_SQL } from './kiosk';

interface SessionRow {
	id: number;
	title: string;
	topic: string | null;
	walkthrough_id: string | null;
	place: string;
	neighborhood_id: number | null;
	starts_at: number;
	opened_by: string | null;
	closed_at: number | null;
	attendance: number;
}

const SELECT_SESSION = `SELECT s.id, s.title, s.topic, s.walkthrough_id, s.place, s.neighborhood_id, s.starts_at,
	u.display_name AS opened_by, s.closed_at,
	s.checked_in AS attendance
	FROM class_sessions s LEFT JOIN users u ON u.id = s.opened_by`;

const toSession = (s: SessionRow): ClassSession => ({
	id: s.id,
	title: s.title,
	topic: s.topic,
	walkthroughId: s.walkthrough_id,
	place: s.place,
	neighborhoodId: s.neighborhood_id,
	startsAt: s.starts_at,
	openedBy: s.opened_by,
	closedAt: s.closed_at,
	attendance: s.attendance
});

export function getSession(db: Reads, id: number): ClassSession | undefined {
	const row = db.get<SessionRow>(`${SELECT_SESSION} WHERE s.id = ?`, [id]);
	return row && toSession(row);
}

/**
 * Every open session, newest first, then the `closedLimit` most recent closed since `since`.
 * Open ones are not cut: a volunteer must find each class to scan into it or close it (with
 * one limit for both, the 21st open class was nowhere on the volunteers' page).
 */
export function recentSessions(db: Reads, since: number, closedLimit = 20): ClassSession[] {
	const open = db.all<SessionRow>(
		`${SELECT_SESSION} WHERE s.closed_at IS NULL ORDER BY s.starts_at DESC`
	);
	const closed = db.all<SessionRow>(
		`${SELECT_SESSION} WHERE s.closed_at IS NOT NULL AND s.starts_at >= ?
		 ORDER BY s.starts_at DESC LIMIT ?`,
		[since, closedLimit]
	);
	return [...open, ...closed].map(toSession);
}

export function attendanceCount(db: Reads, sessionId: number): number {
	// Kept by triggers (migration 0007): one row read, however big the session.
	return db.value<number>('SELECT checked_in FROM class_sessions WHERE id = ?', [sessionId]) ?? 0;
}

export function sessionAttendance(db: Reads, sessionId: number): AttendanceEntry[] {
	return db
		.all<{
			resident_id: number | null;
			full_name: string | null;
			birth_year: number | null;
			neighborhood_id: number | null;
			neighborhood_name: string | null;
			checked_in_at: number;
			source: string;
		}>(
			`SELECT a.resident_id, r.full_name, r.birth_year, a.neighborhood_id, n.name AS neighborhood_name,
				a.checked_in_at, a.source
			 FROM attendance a LEFT JOIN residents r ON r.id = a.resident_id
			 LEFT JOIN neighborhoods n ON n.id = a.neighborhood_id
			 WHERE a.session_id = ? ORDER BY a.checked_in_at DESC, a.id DESC`,
			[sessionId]
		)
		.map((a) => ({
			residentId: a.resident_id,
			fullName: a.full_name,
			birthYear: a.birth_year,
			neighborhoodId: a.neighborhood_id,
			neighborhoodName: a.neighborhood_name,
			checkedInAt: a.checked_in_at,
			source: a.source
		}));
}

/**
 * The session's refused scans, with whose card it was when that is known: `code_excerpt` holds
 * the first 64 characters, so a card's full code (29) or a name search's `resident:<id>`.
 * A revoked card or a class closed in the meantime then names its owner for the volunteer.
 */
export function failedScans(db: Reads, sessionId: number, limit = 20) {
	return db
		.all<{
			reason: string;
			code_excerpt: string;
			at: number;
			full_name: string | null;
			neighborhood_id: number | null;
		}>(
			`SELECT f.reason, f.code_excerpt, f.at, r.full_name, h.neighborhood_id FROM failed_scans f
			 LEFT JOIN cards c ON c.code = f.code_excerpt
			 LEFT JOIN residents r ON r.id = coalesce(c.resident_id,
				CASE WHEN f.code_excerpt LIKE 'resident:%' THEN CAST(substr(f.code_excerpt, 10) AS INTEGER) END)
			 LEFT JOIN households h ON h.id = r.household_id
			 WHERE f.session_id = ? ORDER BY f.id DESC LIMIT ?`,
			[sessionId, limit]
		)
		.map((f) => ({
			reason: f.reason,
			excerpt: f.code_excerpt,
			at: f.at,
			fullName: f.full_name,
			neighborhoodId: f.neighborhood_id
		}));
}

/**
 * The calls for a volunteer still wanted at `now`, newest first: nobody took them, their kiosk
 * did not withdraw or replace them, and they are younger than HELP_OPEN_MS (why: there).
 */
export function openHelpRequests(db: Reads, now: number): HelpRequest[] {
	return db.all<HelpRequest>(
		`SELECT id, kiosk, place, at FROM help_requests WHERE ${HELP_OPEN_SQL} AND at > ?
		 ORDER BY at DESC LIMIT 20`,
		[now - HELP_OPEN_MS]
	);
}
