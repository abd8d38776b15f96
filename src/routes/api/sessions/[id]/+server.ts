import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { errorResponse, positiveId } from '$lib/server/services/people';
import { scannerView } from '$lib/server/services/sessions';
import type { RequestHandler } from './$types';

/**
 * The scanner's running state, read every 15 s by each volunteer's phone: the session (its
 * count, whether it was closed elsewhere) and the kiosks calling for help. No names, so the
 * read is not audited — /attendance is, and polling it would fill the audit log.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const view = scannerView(getApp().store, positiveId(params.id));
	if (!view) {
		return errorResponse({ status: 404, reason: 'no_session', message: 'Không có buổi học này.' });
	}
	return json(view);
};
