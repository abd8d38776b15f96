import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { deviceLabel, setSessionCookie } from '$lib/server/auth/cookies';
import { LOGIN_STATUS, loginMessage } from '$lib/server/auth/login-messages';
import { login } from '$lib/server/auth/sessions';
import { readJsonObject } from '$lib/server/http/json-body';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, cookies, url, getClientAddress }) => {
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const { username, secret } = body.value;
	if (
		typeof username !== 'string' ||
		typeof secret !== 'string' ||
		!username.trim() ||
		!secret ||
		username.length > 64 ||
		secret.length > 256
	) {
		return json(
			{ status: 'error', reason: 'invalid', message: 'Cần "username" và "secret" (chuỗi).' },
			{ status: 400 }
		);
	}
	const result = await login(
		getApp().store,
		username,
		secret,
		deviceLabel(request, getClientAddress())
	);
	if (!result.ok) {
		const retry = result.reason === 'too_soon' ? String(result.retryAfterSeconds) : null;
		return json(
			{ status: 'error', reason: result.reason, message: loginMessage(result) },
			{ status: LOGIN_STATUS[result.reason], headers: retry ? { 'retry-after': retry } : {} }
		);
	}
	setSessionCookie(cookies, url, result.token, result.expiresAt);
	return json({ status: 'ok', user: result.actor, expiresAt: result.expiresAt });
};
