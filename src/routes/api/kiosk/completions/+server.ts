import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { readJsonObject } from '$lib/server/http/json-body';
import { recordCompletion } from '$lib/server/services/checkin';
import type { RequestHandler } from './$types';

/**
 * Public (the kiosk has no login): `{"code","walkthroughId","nonce","kiosk"?}`. The answer
 * never carries the resident's name: the kiosk screen is seen by whoever stands there.
 */
export const POST: RequestHandler = async ({ request }) => {
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const answer = await recordCompletion(getApp().store, body.value);
	return json(answer.body, { status: answer.status });
};
