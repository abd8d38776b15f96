import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { errorResponse, positiveId } from '$lib/server/services/people';
import { closeSession } from '$lib/server/services/sessions';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, params }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const id = positiveId(params.id);
	const result = id
		? await closeSession(getApp().store, actor, id)
		: ({
				ok: false,
				status: 404,
				reason: 'no_session',
				message: 'Không có buổi học này.'
			} as const);
	return result.ok ? json(result.value) : errorResponse(result);
};
