import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './sessions';

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: number) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		// Plain http is allowed on 127.0.0.1 and in the LAN without a certificate.
		secure: url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

/**
 * A short label of the device for the audit log (never used to decide anything): the address
 * and the user-agent's first 150 characters, enough to hold the browser's name, which on
 * Windows comes after the 80th (deviceSummary in domain/device.ts reads it back).
 */
export function deviceLabel(request: Request, address: string): string {
	const agent = request.headers.get('user-agent') ?? '';
	return `${address} ${agent.slice(0, 150)}`.trim();
}
