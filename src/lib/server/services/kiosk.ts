import type { HelpRequestPayload, LessonEventPayload } from '../ops/kiosk';
import {
	helpRequest,
	latestOfHelpCall,
	type HelpCallEnd,
	type HelpRequest
} from '../repositories/kiosk';
import type { DataStore } from '../store/data-store';
import { liveNotifier } from './live';
import { walkthrough } from '$lib/walkthroughs/catalog';

/** Which kiosk this server is, and where it stands (env KIOSK_ID / KIOSK_PLACE). */
export function kioskIdentity(env: NodeJS.ProcessEnv = process.env): {
	kiosk: string;
	place: string;
} {
	return {
		// A blank setting (a stray space in the unit file) is no setting: volunteers need a place.
		kiosk: (env.KIOSK_ID?.trim() || 'tram-1').slice(0, 64),
		place: (env.KIOSK_PLACE?.trim() || 'Nhà văn hoá khu phố 1').slice(0, 120)
	};
}

export type ServiceResult<T> =
	{ ok: true; value: T } | { ok: false; status: number; reason: string; message: string };

/** Records a call for a volunteer; taps while one is already on the way return that one. */
export async function requestHelp(
	store: DataStore
): Promise<{ request: HelpRequest; repeated: boolean }> {
	const payload: HelpRequestPayload = kioskIdentity();
	const { id, repeated } = await store.write<{ id: number; repeated: boolean }>(
		'kiosk.helpCall',
		payload
	);
	// A resident is waiting: on every volunteer's screen now, not at the next poll.
	if (!repeated) liveNotifier.helpChanged();
	return { request: helpRequest(store.db, id)!, repeated };
}

/** What a kiosk may learn of its call: when it was made and when a volunteer took it. */
export interface HelpCallStatus {
	id: number;
	at: number;
	/**
	 * When a volunteer took it; for a call its kiosk replaced by calling again, when one took
	 * the newer call (the same kiosk's need: a volunteer is on the way to it).
	 */
	answeredAt: number | null;
	/** How it ended untaken (migration 0017); null while open or once taken. */
	closed: HelpCallEnd | null;
}

const ID = /^\d{1,12}$/;

function findCall(store: DataStore, rawId: string): ServiceResult<HelpRequest> {
	if (!ID.test(rawId)) {
		return { ok: false, status: 400, reason: 'bad_id', message: 'Mã lời gọi không hợp lệ.' };
	}
	const request = helpRequest(store.db, Number(rawId));
	if (!request) {
		return { ok: false, status: 404, reason: 'not_found', message: 'Không có lời gọi này.' };
	}
	return { ok: true, value: request };
}

function statusOf(store: DataStore, request: HelpRequest): HelpCallStatus {
	const latest = request.closedAs === 'replaced' ? latestOfHelpCall(store.db, request.id) : request;
	return {
		id: request.id,
		at: request.at,
		answeredAt: latest?.answeredAt ?? request.answeredAt,
		closed: request.closedAs
	};
}

/** A call's status by its id (as the kiosk got it when calling); 400 / 404 otherwise. */
export function helpCallStatus(store: DataStore, rawId: string): ServiceResult<HelpCallStatus> {
	const found = findCall(store, rawId);
	return found.ok ? { ok: true, value: statusOf(store, found.value) } : found;
}

/**
 * The kiosk cleared itself for the next person, its call untaken: that call ends (withdrawn),
 * off every volunteer's screen at once. A call already taken, replaced, or joined by another
 * screen of this kiosk stays as it was (ops/kiosk.ts); the answer is the call's status then.
 */
export async function withdrawHelp(
	store: DataStore,
	rawId: string
): Promise<ServiceResult<HelpCallStatus & { withdrawn: boolean }>> {
	const found = findCall(store, rawId);
	if (!found.ok) return found;
	const { withdrawn } = await store.write<{ withdrawn: boolean }>('kiosk.helpWithdraw', {
		id: found.value.id
	});
	if (withdrawn) liveNotifier.helpChanged();
	const request = helpRequest(store.db, found.value.id)!;
	return { ok: true, value: { ...statusOf(store, request), withdrawn } };
}

const KINDS = ['start', 'complete', 'leave'] as const;

/**
 * Checks and stores one anonymous lesson event. Only the lesson, what happened and the step
 * are accepted: anything personal has no field to arrive in.
 */
export async function recordLessonEvent(
	store: DataStore,
	input: Record<string, unknown>
): Promise<ServiceResult<null>> {
	const id = input.walkthroughId;
	const lesson = typeof id === 'string' ? walkthrough(id) : undefined;
	if (!lesson) {
		return {
			ok: false,
			status: 400,
			reason: 'unknown_walkthrough',
			message: 'Không có bài học này.'
		};
	}
	const kind = KINDS.find((k) => k === input.kind);
	if (!kind) {
		return { ok: false, status: 400, reason: 'bad_kind', message: 'Loại sự kiện không hợp lệ.' };
	}
	const step = input.step ?? null;
	if (
		step !== null &&
		(typeof step !== 'number' || !Number.isInteger(step) || step < 1 || step > lesson.steps.length)
	) {
		return { ok: false, status: 400, reason: 'bad_step', message: 'Số bước không hợp lệ.' };
	}
	if (kind === 'leave' && step === null) {
		return { ok: false, status: 400, reason: 'bad_step', message: 'Cần biết bước đang học.' };
	}
	const payload: LessonEventPayload = {
		walkthroughId: lesson.id,
		kind,
		step: step as number | null,
		kiosk: kioskIdentity().kiosk
	};
	await store.write('kiosk.lessonEvent', payload);
	return { ok: true, value: null };
}
