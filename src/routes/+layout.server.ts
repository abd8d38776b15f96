import { staffNav } from '$lib/server/auth/staff-nav';
import type { LayoutServerLoad } from './$types';

/** The staff bar's contents for a signed-in person (the kiosk's pages do not show it). */
export const load = (({ locals }) => ({
	staffNav: locals.actor ? staffNav(locals.actor) : null
})) satisfies LayoutServerLoad;
