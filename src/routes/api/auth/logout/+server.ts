import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { logout, SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ cookies, locals }) => {
	await logout(getApp().store, cookies.get(SESSION_COOKIE), locals.actor?.id ?? null);
	clearSessionCookie(cookies);
	return json({ status: 'ok' });
};
