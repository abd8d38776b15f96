import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { answer, idParam } from '$lib/server/http/problem';
import { exportResident } from '$lib/server/services/privacy';
import type { RequestHandler } from './$types';

/** Everything held about one person, as a JSON file (officer; a head for their khu phố). */
export const GET: RequestHandler = ({ locals, params, request, getClientAddress }) =>
	answer(async () => {
		const actor = requireRole(locals.actor, 'head', 'officer');
		const id = idParam(params.id, 'cư dân này');
		const device = deviceLabel(request, getClientAddress());
		const data = await exportResident(getApp().store, actor, id, 'export', device);
		return json(
			{ exportedAt: Date.now(), exportedBy: actor.displayName, ...data },
			{ headers: { 'content-disposition': `attachment; filename="cu-dan-${id}.json"` } }
		);
	});
