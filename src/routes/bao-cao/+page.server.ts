import { requireRole } from '$lib/server/auth/access';
import type { PageServerLoad } from './$types';

export const load = (({ locals }) => ({
	actor: requireRole(locals.actor, 'head', 'officer')
})) satisfies PageServerLoad;
