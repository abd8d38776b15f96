import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { helpCallStatus, withdrawHelp, type HelpCallStatus } from '$lib/server/services/kiosk';
import type { ServiceResult } from '$lib/server/services/kiosk';
import type { RequestHandler } from './$types';

function answer<T extends HelpCallStatus>(result: ServiceResult<T>) {
	if (!result.ok) {
		return json(
			{ status: 'error', reason: result.reason, message: result.message },
			{ status: result.status }
		);
	}
	return json(result.value);
}

/**
 * Public (the kiosk has no login): whether a volunteer has taken this call yet, so the kiosk
 * can tell the resident someone is on the way. Only times: no volunteer, no person.
 */
export const GET: RequestHandler = async ({ params }) =>
	answer(helpCallStatus(getApp().store, params.id));

/**
 * Public, as calling is: the kiosk, left alone, cleared itself for the next person and
 * withdraws its untaken call, so volunteers stop seeing it (`withdrawn`: it did end now).
 */
export const DELETE: RequestHandler = async ({ params }) =>
	answer(await withdrawHelp(getApp().store, params.id));
