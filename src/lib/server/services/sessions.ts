import { worksIn, type Actor } from '../../domain/actor';
import { helpRequestPlace, TOPICS, type ClassSession } from '../../domain/checkin-people';
import { cleanText, foldVietnamese } from '../../domain/text';
import { DAY_MS, formatDate, formatDay, startDayIfNotToday } from '../../domain/time';
import type { UndoResult } from '../ops/checkin';
import type { SessionOpenPayload } from '../ops/sessions';
import { walkthrough as lessonById } from '$lib/walkthroughs/catalog';
import { helpRequest } from '../repositories/kiosk';
import { places } from '../repositories/residents';
import * as repo from '../repositories/sessions';
import type { DataStore } from '../store/data-store';
import { auditRead } from './audit';
import { liveNotifier } from './live';
import { residentOf } from './scoped';
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
	const known = places(store.db);
	const place = findPlace(known, input.place);
	if (!place) {
		// A name no house has (an integration's typo) is told the names there are.
		const given = typeof input.place === 'string' ? cleanText(input.place) : '';
		const message = given
			? `Không có nhà văn hoá tên "${given.slice(0, 80)}". Các nơi học: ${known.map((p) => p.name).join('; ')}.`
			: 'Xin chọn nhà văn hoá nơi học.';
		return fail(400, 'unknown_place', message);
	}
	const topic =
		input.topic === undefined || input.topic === null || input.topic === '' ? null : input.topic;
	if (topic !== null && (typeof topic !== 'string' || !Object.hasOwn(TOPICS, topic))) {
		return fail(400, 'unknown_topic', 'Chủ đề không có trong danh sách.');
	}
	const walkthrough =
		input.walkthroughId === undefined || input.walkthroughId === null || input.walkthroughId === ''
			? null
			: input.walkthroughId;
	if (walkthrough !== null && (typeof walkthrough !== 'string' || !SLUG.test(walkthrough))) {
		return fail(400, 'invalid_walkthrough', 'Mã bài học không hợp lệ.');
	}
	// Reports count a class's lesson towards its skill: only a lesson the kiosk has, under its
	// own topic ("tien-dien" is not a health class).
	const lesson = walkthrough === null ? undefined : lessonById(walkthrough);
	if (walkthrough !== null && !lesson) {
		return fail(400, 'unknown_walkthrough', 'Không có bài học này trên trạm.');
	}
	if (lesson && topic !== null && lesson.topic !== topic) {
		return fail(
			400,
			'topic_mismatch',
			`Bài "${lesson.title}" thuộc chủ đề "${TOPICS[lesson.topic]}", không phải "${TOPICS[topic as string]}".`
		);
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

/**
 * The cultural house a class is held in: by id, by its name, or by its name typed without
 * care for case and tone marks ("nha van hoa khu pho 2", "Nhà văn hòa…") when only one fits.
 */
function findPlace<P extends { id: number; name: string }>(
	known: P[],
	given: unknown
): P | undefined {
	const id = positiveId(given);
	if (id !== null) return known.find((p) => p.id === id);
	if (typeof given !== 'string') return undefined;
	const name = cleanText(given);
	const exact = known.find((p) => p.name === name);
	if (exact) return exact;
	const loose = known.filter((p) => foldVietnamese(p.name) === foldVietnamese(name));
	return loose.length === 1 ? loose[0] : undefined;
}

export async function closeSession(
	store: DataStore,
	actor: Actor,
	id: number
): Promise<Result<ClassSession>> {
	if (!repo.getSession(store.db, id)) return fail(404, 'no_session', 'Không có buổi học này.');
	await store.write('sessions.close', { sessionId: id }, actor.id);
	liveNotifier.sessionChanged(id);
	return ok(repo.getSession(store.db, id)!);
}

/**
 * Takes back a check-in made by mistake, while the class is open. A head only for their own
 * khu phố's people (the names they are shown); the count after it comes back.
 */
export async function undoCheckin(
	store: DataStore,
	actor: Actor,
	sessionId: number,
	residentId: number
): Promise<Result<{ count: number }>> {
	if (!repo.getSession(store.db, sessionId))
		return fail(404, 'no_session', 'Không có buổi học này.');
	const mine = residentOf(store, actor, residentId);
	if (!mine.ok) return mine;
	const result = await store.write<UndoResult>('checkin.undo', { sessionId, residentId }, actor.id);
	if (!result.undone) {
		return result.reason === 'session_closed'
			? fail(409, 'session_closed', 'Buổi học đã đóng: không huỷ điểm danh được nữa.')
			: fail(404, 'not_checked_in', 'Người này chưa điểm danh ở buổi này.');
	}
	liveNotifier.sessionChanged(sessionId);
	return ok({ count: repo.attendanceCount(store.db, sessionId) });
}

export const getSession = (store: DataStore, id: number) => repo.getSession(store.db, id);
export const recentSessions = (store: DataStore, now = Date.now()) =>
	repo.recentSessions(store.db, now - 2 * DAY_MS);
export const attendanceCount = (store: DataStore, id: number) => repo.attendanceCount(store.db, id);
/** A class's refused scans; a head reads the names of their own khu phố's people only. */
export const failedScans = (store: DataStore, actor: Actor, id: number) =>
	repo
		.failedScans(store.db, id)
		.map(({ neighborhoodId, ...f }) =>
			neighborhoodId === null || worksIn(actor, neighborhoodId) ? f : { ...f, fullName: null }
		);

/** Who came to a session: names, so the read is audited. */
export async function sessionAttendance(store: DataStore, actor: Actor, id: number) {
	const session = repo.getSession(store.db, id);
	if (!session) return undefined;
	await auditRead(store, actor, { action: 'attendance.view', subject: `session:${id}` });
	// Check-ins are open to anyone, but a head reads names of their own khu phố only.
	const attendance = repo
		.sessionAttendance(store.db, id)
		.map((a) =>
			a.neighborhoodId === null || worksIn(actor, a.neighborhoodId)
				? a
				: { ...a, residentId: null, fullName: null, birthYear: null, elsewhere: true as const }
		);
	return { session, attendance };
}

export const openHelpRequests = (store: DataStore, now = Date.now()) =>
	repo.openHelpRequests(store.db, now);

/**
 * What a class's scanner shows of it: the session (its count, whether it was closed) and the
 * kiosks calling for help. Read by the page and by its 15-s refresh (GET /api/sessions/:id);
 * undefined for no such session.
 */
export function scannerView(store: DataStore, id: number | null) {
	const session = id ? repo.getSession(store.db, id) : undefined;
	return session && { session, help: repo.openHelpRequests(store.db, Date.now()) };
}

/**
 * "Tôi đến ngay" on call `id`: `answered` when this volunteer took it, `id` the call taken (the
 * kiosk's newer call when it had called again since), `withdrawn` when its resident had gone,
 * `place` where to go as the volunteer reads it.
 */
export async function answerHelp(store: DataStore, actor: Actor, id: number) {
	const result = await store.write<{ answered: boolean; id: number; withdrawn: boolean }>(
		'help.answer',
		{ id },
		actor.id
	);
	// Taken here: off the other volunteers' screens at once.
	liveNotifier.helpChanged();
	const call = helpRequest(store.db, result.id);
	return { ...result, place: call ? helpRequestPlace(call) : null };
}
