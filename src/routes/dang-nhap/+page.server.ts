import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { deviceLabel, setSessionCookie } from '$lib/server/auth/cookies';
import { LOGIN_MESSAGES } from '$lib/server/auth/login-messages';
import { login } from '$lib/server/auth/sessions';
import type { Role } from '$lib/domain/actor';
import type { Actions, PageServerLoad } from './$types';

/** Where each role lands after signing in, unless it came from somewhere. */
const HOME: Record<Role, string> = {
	volunteer: '/tinh-nguyen',
	head: '/bao-cao',
	officer: '/bao-cao'
};

/** Only local paths: a `next` pointing elsewhere would be an open redirect. */
const safeNext = (next: string | null) =>
	next && next.startsWith('/') && !next.startsWith('//') ? next : null;

export const load = (({ locals, url }) => {
	return { actor: locals.actor, next: safeNext(url.searchParams.get('next')) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '').trim();
		const secret = String(form.get('secret') ?? '');
		if (!username || !secret) {
			return fail(400, { username, message: 'Xin nhập tên đăng nhập và mật khẩu hoặc mã PIN.' });
		}
		const result = await login(
			getApp().store,
			username,
			secret,
			deviceLabel(request, getClientAddress())
		);
		if (!result.ok) return fail(400, { username, message: LOGIN_MESSAGES[result.reason] });
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		redirect(303, safeNext(url.searchParams.get('next')) ?? HOME[result.actor.role]);
	}
} satisfies Actions;
