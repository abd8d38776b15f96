import { json } from '@sveltejs/kit';
import { HELP_ROLES } from '$lib/domain/actor';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { openHelpRequests } from '$lib/server/services/sessions';
import type { RequestHandler } from './$types';

/**
 * The kiosks calling for a volunteer now, read every few seconds by the staff bar on every
 * staff page (`{"help":[{id,kiosk,place,at}]}`). Places and times only, no person, so the
 * read is not audited. Answering is the volunteers' page's form action, `/tinh-nguyen?/answer`.
 */
export const GET: RequestHandler = ({ locals }) => {
	requireRole(locals.actor, ...HELP_ROLES);
	return json({ help: openHelpRequests(getApp().store) });
};
