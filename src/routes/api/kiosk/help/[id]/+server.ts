import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { helpCallStatus } from '$lib/server/services/kiosk';
import type { RequestHandler } from './$types';

/**
 * Public (the kiosk has no login): whether a volunteer has taken this call yet, so the kiosk
 * can tell the resident someone is on the way. Only times: no volunteer, no person.
 */
export const GET: RequestHandler = async ({ params }) => {
	const result = helpCallStatus(getApp().store, params.id);
	if (!result.ok) {
		return json(
			{ status: 'error', reason: result.reason, message: result.message },
			{ status: result.status }
		);
	}
	return json(result.value);
};
