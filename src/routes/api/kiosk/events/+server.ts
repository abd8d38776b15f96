import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { readJsonObject } from '$lib/server/http/json-body';
import { recordLessonEvent } from '$lib/server/services/kiosk';
import type { RequestHandler } from './$types';

/**
 * Public: an anonymous lesson event `{walkthroughId, kind: start|complete|leave, step}`.
 * Sent with `navigator.sendBeacon` too, so the body may arrive as text/plain.
 */
export const POST: RequestHandler = async ({ request }) => {
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const result = await recordLessonEvent(getApp().store, body.value);
	if (!result.ok) {
		return json(
			{ status: 'error', reason: result.reason, message: result.message },
			{ status: result.status }
		);
	}
	return json({ status: 'ok' }, { status: 201 });
};
