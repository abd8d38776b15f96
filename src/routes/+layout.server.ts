import { HELP_ROLES } from '$lib/domain/actor';
import { getApp } from '$lib/server/app';
import { staffNav } from '$lib/server/auth/staff-nav';
import { openHelpRequests } from '$lib/server/services/sessions';
import type { LayoutServerLoad } from './$types';

/**
 * The staff bar's contents for a signed-in person (the kiosk's pages do not show it), with the
 * kiosks' calls for help as the page is made: the banner is there before any script runs, and
 * its "Tôi đến ngay" works without one. `helpCalls` null: this person does not answer calls.
 */
export const load = (({ locals }) => ({
	staffNav: locals.actor ? staffNav(locals.actor) : null,
	helpCalls:
		locals.actor && HELP_ROLES.includes(locals.actor.role) ? openHelpRequests(getApp().store) : null
})) satisfies LayoutServerLoad;
