import { json } from '@sveltejs/kit';
import { readConfig } from '../config';
import { FILE_TOO_LARGE, refusalBody, TOO_LARGE } from './json-body';
import { RateLimiter, type Take } from './rate-limit';

/**
 * Limits applied in the handle hook, before any route runs. Sign-in: per address, so
 * guessing across many usernames is slow too (each account also locks after 5 failures).
 * Check-ins: per device (its session), generous enough for a queue of offline scans sent
 * at once, small enough to stop a runaway client. The check-in limit is configurable
 * (CHECKIN_LIMIT) for a hub that relays many devices through one session.
 */
export const SIGN_IN_LIMIT = { capacity: 30, perSecond: 1 };

const signIn = new RateLimiter(SIGN_IN_LIMIT);
const checkins = new RateLimiter(readConfig().checkinLimit);

/** Request bodies larger than this are refused before a route reads them. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Resident lists (CSV/XLSX, up to 5 MB, see services/import.ts) come with multipart overhead.
 * kiosk/server.js gives adapter-node the same BODY_SIZE_LIMIT (its default, 512 KB, refused a
 * 600 KB list), so this is the one limit an import meets; guards.spec.ts keeps the two equal.
 */
export const MAX_IMPORT_BODY_BYTES = 8 * 1024 * 1024;

/** Where resident lists are sent: the API, and the officer's page /cu-dan/nhap (its actions). */
export const isImportPath = (path: string) =>
	path.startsWith('/api/import') || path === '/cu-dan/nhap';

/** The sign-in form's action calls this itself, to answer with a form failure, not JSON. */
export const takeSignIn = (address: string): Take => signIn.take(address);

/** The rate limit a request falls under, if any, and the result of taking a token. */
export function rateLimit(
	method: string,
	path: string,
	address: string,
	sessionToken: string | undefined
): Take {
	if (method === 'POST' && path === '/api/auth/login') return signIn.take(address);
	if (method === 'POST' && path === '/api/checkins') {
		// Keyed by the token itself, as the session cache is: it never leaves this process, and
		// hashing it cost more than the rest of the limiter on every check-in.
		return checkins.take(sessionToken ? `s:${sessionToken}` : `a:${address}`);
	}
	return { ok: true };
}

export function tooMany(retryAfterSeconds: number): Response {
	return json(
		{
			status: 'error',
			reason: 'rate_limited',
			message: `Quá nhiều yêu cầu. Xin đợi ${retryAfterSeconds} giây rồi thử lại.`
		},
		{ status: 429, headers: { 'retry-after': String(retryAfterSeconds) } }
	);
}

/** A 413 when the declared body is over the limit for its path; null when it may go on. */
export function bodyTooLarge(method: string, path: string, declaredBytes: number): Response | null {
	if (method === 'GET' || method === 'HEAD') return null;
	const importing = isImportPath(path);
	if (!(declaredBytes > (importing ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES))) return null;
	// An import is told its file is too big and what to do, not that "data" is.
	const refusal = importing ? FILE_TOO_LARGE : TOO_LARGE;
	return json(refusalBody(refusal), { status: refusal.status });
}

/** What an API request gets when the access table turns it away. */
export function apiRefusal(access: 'sign_in' | 'forbidden') {
	return access === 'sign_in'
		? {
				status: 401,
				body: { status: 'error', reason: 'unauthenticated', message: 'Cần đăng nhập' }
			}
		: {
				status: 403,
				body: { status: 'error', reason: 'forbidden', message: 'Tài khoản này không có quyền' }
			};
}

/** Headers every answer carries (CSP comes from svelte.config.js, with per-page nonces). */
export const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
	// The scanner page needs the camera; nothing needs the microphone or location.
	'permissions-policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()'
};

/**
 * Adds the security headers; staff answers are also kept out of caches (a shared terminal
 * must not show the last person's resident list from its cache).
 */
export function secure(response: Response, signedIn: boolean): Response {
	let out = response;
	try {
		out.headers.set('x-content-type-options', 'nosniff');
	} catch {
		// Some responses (e.g. from fetch) have immutable headers: copy them once.
		out = new Response(response.body, response);
	}
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!out.headers.has(name)) out.headers.set(name, value);
	}
	for (const [name, value] of Object.entries(sessionHeaders(signedIn))) {
		out.headers.set(name, value);
	}
	return out;
}

/** Signed-in answers are kept out of caches (for `secure()` and the check-in fast path). */
export const sessionHeaders = (signedIn: boolean): Record<string, string> =>
	signedIn ? { 'cache-control': 'no-store' } : {};
