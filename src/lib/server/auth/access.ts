import { error } from '@sveltejs/kit';
import type { Actor, Role } from '../../domain/actor';

/**
 * Who may open what, by address. Anything not listed as public needs a signed-in user
 * (default deny), and the role rules narrow it further. Every endpoint and form action still
 * checks its own role with `requireRole`: this table is the outer wall, not the only one.
 */
const PUBLIC: Array<string | RegExp> = [
	'/',
	/^\/chu-de(\/|$)/,
	/^\/bai-hoc(\/|$)/,
	/^\/dang-nhap$/,
	'/api/health',
	'/api/auth/login',
	'/api/auth/logout',
	/^\/api\/walkthroughs(\/|$)/,
	/^\/api\/kiosk\//
];

const ROLE_RULES: Array<{ prefix: string; roles: Role[] }> = [
	{ prefix: '/quan-tri', roles: ['officer'] },
	{ prefix: '/api/users', roles: ['officer'] },
	{ prefix: '/api/audit', roles: ['officer'] },
	// The staff pages' live channel: long-lived streams, so the wall names who may hold one.
	{ prefix: '/api/live', roles: ['volunteer', 'head', 'officer'] },
	{ prefix: '/bao-cao', roles: ['head', 'officer'] },
	{ prefix: '/tinh-nguyen', roles: ['volunteer', 'head', 'officer'] },
	{ prefix: '/diem-danh', roles: ['volunteer', 'head', 'officer'] },
	{ prefix: '/cu-dan', roles: ['volunteer', 'head', 'officer'] }
];

export function isPublicPath(pathname: string): boolean {
	return PUBLIC.some((rule) =>
		typeof rule === 'string' ? rule === pathname : rule.test(pathname)
	);
}

export type Access = 'allow' | 'sign_in' | 'forbidden';

export function accessFor(pathname: string, actor: Actor | null): Access {
	if (isPublicPath(pathname)) return 'allow';
	if (!actor) return 'sign_in';
	const rule = ROLE_RULES.find((r) => pathname === r.prefix || pathname.startsWith(`${r.prefix}/`));
	return !rule || rule.roles.includes(actor.role) ? 'allow' : 'forbidden';
}

/** For endpoints and actions: the actor, or a 401/403 with a Vietnamese message. */
export function requireRole(actor: Actor | null, ...roles: Role[]): Actor {
	if (!actor) error(401, { message: 'Cần đăng nhập', reason: 'unauthenticated' });
	if (roles.length > 0 && !roles.includes(actor.role)) {
		error(403, { message: 'Tài khoản này không có quyền làm việc này', reason: 'forbidden' });
	}
	return actor;
}
