import { requireRole } from '$lib/server/auth/access';
import type { LayoutServerLoad } from './$types';

/** Every officer page checks the role here too, not only at the wall in hooks. */
export const load = (({ locals }) => ({
	officer: requireRole(locals.actor, 'officer')
})) satisfies LayoutServerLoad;
