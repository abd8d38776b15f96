import { HELP_ROLES } from '$lib/domain/actor';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { LIVE_HEADERS, openLiveStream } from '$lib/server/services/live-streams';
import { errorResponse, positiveId } from '$lib/server/services/people';
import { getSession } from '$lib/server/services/sessions';
import type { RequestHandler } from './$types';

/**
 * The staff pages' live channel (Server-Sent Events, `?session=<id>` on a class's scanner):
 * `change` events say ["session"] when that class's count or state changed and ["help"] when
 * the calls for help did; the page then reads GET /api/sessions/:id or GET /api/help as it
 * polls. Nothing else is sent: no names, no counts. Not audited, like those reads.
 */
export const GET: RequestHandler = ({ locals, url, cookies, request }) => {
	const actor = requireRole(locals.actor, ...HELP_ROLES);
	const { store } = getApp();
	const asked = url.searchParams.get('session');
	const sessionId = asked === null ? null : positiveId(asked);
	if (asked !== null && (sessionId === null || !getSession(store, sessionId))) {
		return errorResponse({ status: 404, reason: 'no_session', message: 'Không có buổi học này.' });
	}
	// Kit answers HEAD with GET: a stream nobody reads would hold the answer open for good.
	if (request.method === 'HEAD') return new Response(null, { headers: LIVE_HEADERS });
	const stream = openLiveStream(store, actor, cookies.get(SESSION_COOKIE), sessionId);
	return stream instanceof Response ? stream : errorResponse(stream);
};
