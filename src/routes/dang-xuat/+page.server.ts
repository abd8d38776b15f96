import { redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { logout, SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

/** Signed out already (or never signed in): nothing to do here. */
export const load = (({ locals }) => {
	if (!locals.actor) redirect(303, '/dang-nhap');
	return { actor: locals.actor };
}) satisfies PageServerLoad;

export const actions = {
	// A form post, never a link: a page elsewhere cannot sign someone out by loading an image.
	default: async ({ cookies, locals }) => {
		await logout(getApp().store, cookies.get(SESSION_COOKIE), locals.actor?.id ?? null);
		clearSessionCookie(cookies);
		redirect(303, '/dang-nhap?da-dang-xuat');
	}
} satisfies Actions;
