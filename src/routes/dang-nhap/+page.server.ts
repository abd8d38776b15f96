import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { deviceLabel, setSessionCookie } from '$lib/server/auth/cookies';
import { loginMessage } from '$lib/server/auth/login-messages';
import { login } from '$lib/server/auth/sessions';
import { takeSignIn } from '$lib/server/http/guards';
import { ROLE_HOME } from '$lib/domain/actor';
import type { Actions, PageServerLoad } from './$types';

/** Only local paths: a `next` pointing elsewhere would be an open redirect. */
const safeNext = (next: string | null) =>
	next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;

export const load = (({ locals, url }) => {
	return {
		actor: locals.actor,
		next: safeNext(url.searchParams.get('next')),
		signedOut: url.searchParams.has('da-dang-xuat') && !locals.actor
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '')
			.trim()
			.slice(0, 64);
		const secret = String(form.get('secret') ?? '');
		// An empty field is said before the allowance is counted: it guesses nothing (the form
		// has no `required` bubbles, so the server is what says it).
		if (!username || !secret) {
			return fail(400, { username, message: 'Xin nhập tên đăng nhập và mật khẩu hoặc mã PIN.' });
		}
		const address = getClientAddress();
		const limited = takeSignIn(address);
		if (!limited.ok) {
			return fail(429, {
				username,
				message: `Quá nhiều lần đăng nhập từ máy này. Xin đợi ${limited.retryAfterSeconds} giây.`
			});
		}
		const result = await login(getApp().store, username, secret, deviceLabel(request, address));
		if (!result.ok) return fail(400, { username, message: loginMessage(result) });
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		redirect(303, safeNext(url.searchParams.get('next')) ?? ROLE_HOME[result.actor.role]);
	}
} satisfies Actions;
