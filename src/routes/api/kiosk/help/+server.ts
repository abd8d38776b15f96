import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requestHelp } from '$lib/server/services/kiosk';
import type { RequestHandler } from './$types';

/**
 * Public (the kiosk has no login): "Gọi tình nguyện viên". Stores a help request with this
 * kiosk's id and place; repeated taps while one is open return the same request.
 */
export const POST: RequestHandler = async () => {
	const { request, repeated } = await requestHelp(getApp().store);
	return json(
		{
			status: 'ok',
			id: request.id,
			place: request.place,
			at: request.at,
			repeated,
			message: 'Tình nguyện viên sẽ đến giúp bác ngay.'
		},
		{ status: repeated ? 200 : 201 }
	);
};
