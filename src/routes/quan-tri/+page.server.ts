import { requireRole } from '$lib/server/auth/access';
import type { PageServerLoad } from './$types';

export const load = (({ locals }) => {
	requireRole(locals.actor, 'officer');
	return {};
}) satisfies PageServerLoad;
