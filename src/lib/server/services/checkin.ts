import type { Actor, Role } from '../../domain/actor';
import { normaliseCardCode } from '../../domain/card-code';
import { codeExcerpt, parseCheckinRequest, REASON_STATUS, REASON_TEXT } from '../../domain/checkin';
import type { CheckinResult, CompletionPayload, CompletionResult } from '../ops/checkin';
import { residentBrief } from '../repositories/residents';
import { attendanceCount } from '../repositories/sessions';
import type { DataStore } from '../store/data-store';
import { kioskIdentity } from './kiosk';
import { liveNotifier } from './live';
import { residentOf } from './scoped';
import { walkthrough } from '$lib/walkthroughs/catalog';

/** What an endpoint sends back: an HTTP status and the JSON body. */
export interface Answer {
	status: number;
	body: Record<string, unknown>;
}

/** Who may check people in (the route and its fast path both pass this to requireRole). */
export const CHECKIN_ROLES: Role[] = ['volunteer', 'head', 'officer'];

/**
 * Checks one scan in (DESIGN.md, Check-in). 201 ok, 200 already (with firstAt), or 4xx with
 * a fixed reason; a failed scan is logged by the same op, so nothing else is stored.
 */
export async function checkIn(
	store: DataStore,
	actor: Actor,
	body: Record<string, unknown>,
	now = Date.now()
): Promise<Answer> {
	const parsed = parseCheckinRequest(body, now);
	if (!parsed.ok) {
		return {
			status: 400,
			body: { status: 'error', reason: parsed.reason, message: parsed.message }
		};
	}
	const request = parsed.value;
	if (actor.role === 'head' && request.residentId !== null) {
		// A head's name search finds their own khu phố's people only, so an id of another's
		// can only be a guess: answered, it would name whoever the id belongs to. Cards scanned
		// in hand stay open to anyone.
		const mine = residentOf(store, actor, request.residentId);
		if (!mine.ok && mine.status === 403) {
			return { status: 403, body: { status: 'error', reason: mine.reason, message: mine.message } };
		}
	}
	const result = await store.write<CheckinResult>('checkin.scan', request, actor.id);
	if (result.outcome === 'error') {
		const body = { status: 'error', reason: result.reason, message: REASON_TEXT[result.reason] };
		// A known card's owner is named (as on a check-in): a volunteer sending a queue later
		// reads who did not get in, not only why. Never for a scan by resident id (see the op).
		const { resident } = result;
		return { status: REASON_STATUS[result.reason], body: resident ? { ...body, resident } : body };
	}
	// A new check-in moves the class's count on every phone scanning it (a replay or "already"
	// does not). With nobody's scanner open on this class this is one Map lookup.
	if (result.outcome === 'ok' && !result.replay) liveNotifier.sessionChanged(request.sessionId);
	const who = result.resident ?? residentBrief(store.db, result.residentId);
	const count = result.count ?? attendanceCount(store.db, request.sessionId);
	if (result.outcome === 'already') {
		return {
			status: 200,
			body: { status: 'already', firstAt: result.firstAt, resident: who, count }
		};
	}
	return {
		status: result.replay ? 200 : 201,
		body: { status: 'ok', checkedInAt: result.at, resident: who, count, replay: result.replay }
	};
}

const KIOSK = /^[A-Za-z0-9_.-]{0,40}$/;
const NONCE = /^[A-Za-z0-9_-]{8,80}$/;
const SLUG = /^[a-z0-9-]{1,60}$/;

/** The kiosk's "Ghi nhận": no name ever goes back to the public screen. */
export async function recordCompletion(
	store: DataStore,
	body: Record<string, unknown>
): Promise<Answer> {
	const { code, walkthroughId, kiosk, nonce } = body;
	const invalid = (message: string): Answer => ({
		status: 400,
		body: { status: 'error', reason: 'invalid', message }
	});
	if (typeof walkthroughId !== 'string' || !SLUG.test(walkthroughId)) {
		return invalid('Thiếu "walkthroughId".');
	}
	// Only a lesson the kiosk has: the resident's page names it ("Bài đã học ở trạm").
	if (!walkthrough(walkthroughId)) {
		return {
			status: 400,
			body: { status: 'error', reason: 'unknown_walkthrough', message: 'Không có bài học này.' }
		};
	}
	if (typeof nonce !== 'string' || !NONCE.test(nonce)) return invalid('Thiếu "nonce".');
	if (kiosk !== undefined && (typeof kiosk !== 'string' || !KIOSK.test(kiosk))) {
		return invalid('"kiosk" không hợp lệ.');
	}
	if (typeof code !== 'string') return invalid('Thiếu "code".');
	const payload: CompletionPayload = {
		code: normaliseCardCode(code).slice(0, 64),
		excerpt: codeExcerpt(code),
		walkthroughId,
		// The page names its kiosk only when asked to; otherwise it is this server's own.
		kiosk: (kiosk as string | undefined) || kioskIdentity().kiosk,
		nonce
	};
	const result = await store.write<CompletionResult>('kiosk.completion', payload);
	if (result.outcome === 'error') {
		return {
			status: REASON_STATUS[result.reason],
			body: { status: 'error', reason: result.reason, message: REASON_TEXT[result.reason] }
		};
	}
	return { status: 201, body: { status: 'ok', message: 'Đã ghi nhận' } };
}
