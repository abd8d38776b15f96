import type { Actor } from '../../domain/actor';
import { TOPICS, type ClassSession } from '../../domain/checkin-people';
import { cleanText } from '../../domain/text';
import { DAY_MS, formatDate, formatDay, startDayIfNotToday } from '../../domain/time';
import type { SessionOpenPayload } from '../ops/sessions';
import { places } from '../repositories/residents';
import * as repo from '../repositories/sessions';
import type { DataStore } from '../store/data-store';
import { auditRead } from './audit';
import { cleanLine, fail, ok, parseInstant, positiveId, type Result } from './people';

const SLUG = /^[a-z0-9-]{1,60}$/;
/** A class is opened around now: a year either way covers typing one in late or early. */
const START_WITHIN_MS = 366 * DAY_MS;
export const TITLE_MAX = 120;

export interface OpenOptions {
	/**
	 * Ask before opening a class that does not start today (Vietnam time): the form passes the
	 * day the volunteer already said yes to, or null. Left out (the API), nothing is asked.
	 */
	confirmedDay?: string | null;
}

export async function openSession(
	store: DataStore,
	actor: Actor,
	input: Record<string, unknown>,
	now = Date.now(),
	options: OpenOptions = {}
): Promise<Result<ClassSession>> {
	const typed = typeof input.title === 'string' ? cleanText(input.title) : '';
	if (typed.length > TITLE_MAX) {
		// Refused, never cut: the form gives the text back to be shortened.
		return fail(
			400,
			'title_too_long',
			`Tên buổi học dài ${typed.length} ký tự, quá ${TITLE_MAX} ký tự. Xin viết ngắn lại.`
		);
	}
	const title = cleanLine(input.title, 3, TITLE_MAX);
	if (!title) return fail(400, 'invalid_title', `Xin ghi tên buổi học (3–${TITLE_MAX} ký tự).`);
	const startsAt = input.startsAt === undefined ? now : parseInstant(input.startsAt);
	if (startsAt === null) {
		return fail(400, 'invalid_starts_at', 'Giờ bắt đầu không hợp lệ. Xin chọn ngày và giờ.');
	}
	if (Math.abs(startsAt - now) > START_WITHIN_MS) {
		// Said with its range: "không hợp lệ" alone left a volunteer who typed 2030 guessing.
		const [from, to] = [now - START_WITHIN_MS, now + START_WITHIN_MS].map(formatDate);
		return fail(400, 'invalid_starts_at', `Giờ bắt đầu phải trong khoảng từ ${from} đến ${to}.`);
	}
	const placeId = positiveId(input.place);
	const placeName = typeof input.place === 'string' ? input.place.normalize('NFC').trim() : '';
	const place = places(store.db).find((p) => p.id === placeId || p.name === placeName);
	if (!place) return fail(400, 'unknown_place', 'Xin chọn nhà văn hoá nơi học.');
	const topic =
		input.topic === undefined || input.topic === null || input.topic === '' ? null : input.topic;
	if (topic !== null && (typeof topic !== 'string' || !(topic in TOPICS))) {
		return fail(400, 'unknown_topic', 'Chủ đề không có trong danh sách.');
	}
	const walkthrough = input.walkthroughId || null;
	if (walkthrough !== null && (typeof walkthrough !== 'string' || !SLUG.test(walkthrough))) {
		return fail(400, 'invalid_walkthrough', 'Mã bài học không hợp lệ.');
	}
	const otherDay = startDayIfNotToday(startsAt, now);
	if (
		options.confirmedDay !== undefined &&
		otherDay !== null &&
		options.confirmedDay !== otherDay
	) {
		return fail(
			409,
			'confirm_start_day',
			`Buổi học này bắt đầu ngày ${formatDay(otherDay)}, không phải hôm nay. Mở buổi học này?`
		);
	}
	const payload: SessionOpenPayload = {
		title,
		topic: topic as string | null,
		walkthroughId: walkthrough as string | null,
		place: place.name,
		neighborhoodId: place.neighborhoodId,
		startsAt
	};
	const { id } = await store.write<{ id: number }>('sessions.open', payload, actor.id);
	return ok(repo.getSession(store.db, id)!);
}

export async function closeSession(
	store: DataStore,
	actor: Actor,
	id: number
): Promise<Result<ClassSession>> {
	if (!repo.getSession(store.db, id)) return fail(404, 'no_session', 'Không có buổi học này.');
	await store.write('sessions.close', { sessionId: id }, actor.id);
	return ok(repo.getSession(store.db, id)!);
}

export const getSession = (store: DataStore, id: number) => repo.getSession(store.db, id);
export const recentSessions = (store: DataStore, now = Date.now()) =>
	repo.recentSessions(store.db, now - 2 * DAY_MS);
export const attendanceCount = (store: DataStore, id: number) => repo.attendanceCount(store.db, id);
export const failedScans = (store: DataStore, id: number) => repo.failedScans(store.db, id);

/** Who came to a session: names, so the read is audited. */
export async function sessionAttendance(store: DataStore, actor: Actor, id: number) {
	const session = repo.getSession(store.db, id);
	if (!session) return undefined;
	await auditRead(store, actor, { action: 'attendance.view', subject: `session:${id}` });
	return { session, attendance: repo.sessionAttendance(store.db, id) };
}

export const openHelpRequests = (store: DataStore) => repo.openHelpRequests(store.db);

/**
 * What a class's scanner shows of it: the session (its count, whether it was closed) and the
 * kiosks calling for help. Read by the page and by its 15-s refresh (GET /api/sessions/:id);
 * undefined for no such session.
 */
export function scannerView(store: DataStore, id: number | null) {
	const session = id ? repo.getSession(store.db, id) : undefined;
	return session && { session, help: repo.openHelpRequests(store.db) };
}

export async function answerHelp(store: DataStore, actor: Actor, id: number) {
	return store.write<{ answered: boolean }>('help.answer', { id }, actor.id);
}
