import { redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { requireRole } from '$lib/server/auth/access';
import { logout, SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

// Signed in to reach here (the access table sends anyone else to the sign-in page, which is
// where signing out leads anyway).
export const load = (({ locals }) => ({
	actor: requireRole(locals.actor)
})) satisfies PageServerLoad;

export const actions = {
	// A form post, never a link: a page elsewhere cannot sign someone out by loading an image.
	default: async ({ cookies, locals }) => {
		const actor = requireRole(locals.actor);
		await logout(getApp().store, cookies.get(SESSION_COOKIE), actor.id);
		clearSessionCookie(cookies);
		redirect(303, '/dang-nhap?da-dang-xuat');
	}
} satisfies Actions;
