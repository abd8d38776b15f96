import type { Role } from '../../src/lib/domain/actor';
import { matches } from './discover';

/**
 * Who may use what. Routes not named here must at least refuse anyone not signed in; the
 * public list is deliberately short, and a route that turns public without being added here
 * fails the protection test.
 */
export const PUBLIC_ROUTES = [
	'/',
	'/chu-de/**',
	'/bai-hoc/**',
	'/dang-nhap',
	'/api/health',
	'/api/auth/login',
	'/api/auth/logout',
	'/api/walkthroughs/**',
	'/api/kiosk/**'
];

export interface RoleRule {
	route: string;
	/** Limit the rule to one method (endpoints) or one form action (pages). */
	method?: string;
	action?: string;
	roles: Role[];
}

const ALL: Role[] = ['volunteer', 'head', 'officer'];
const HEAD_UP: Role[] = ['head', 'officer'];
const OFFICER: Role[] = ['officer'];

/** Most specific first: the first rule that matches decides. */
export const ROLE_RULES: RoleRule[] = [
	{ route: '/cu-dan/[id]/du-lieu', action: 'erase', roles: OFFICER },
	{ route: '/cu-dan/[id]/du-lieu', roles: HEAD_UP },
	{ route: '/api/residents/[id]', method: 'DELETE', roles: OFFICER },
	{ route: '/api/residents/[id]/export', roles: HEAD_UP },
	{ route: '/api/neighborhoods', method: 'POST', roles: OFFICER },
	{ route: '/api/neighborhoods/[id]/merge', roles: OFFICER },
	{ route: '/quan-tri/**', roles: OFFICER },
	{ route: '/api/users/**', roles: OFFICER },
	{ route: '/api/audit/**', roles: OFFICER },
	// Heads import their own khu phố's lists (issue 4's import service scopes them).
	{ route: '/api/import/**', roles: HEAD_UP },
	{ route: '/bao-cao/**', roles: HEAD_UP },
	{ route: '/api/reports/**', roles: HEAD_UP },
	{ route: '/tinh-nguyen/**', roles: ALL },
	{ route: '/diem-danh/**', roles: ALL },
	{ route: '/cu-dan/**', roles: ALL },
	{ route: '/the-qr/**', roles: ALL }
];

export const isPublic = (id: string) => PUBLIC_ROUTES.some((p) => matches(p, id));

/** The roles allowed to call `method`/`action` on route `id` (all roles when no rule names it). */
export function allowedRoles(id: string, method: string, action?: string): Role[] {
	const rule = ROLE_RULES.find(
		(r) =>
			matches(r.route, id) &&
			(r.method === undefined || r.method === method) &&
			(r.action === undefined || r.action === action)
	);
	return rule ? rule.roles : ALL;
}

/**
 * Calls that check the role inside a route's own server code: `requireRole` (throws) and the
 * reports' `apiActor` (returns a 401/403 JSON response). A new helper is added here.
 */
export const ROLE_GUARDS = /\b(requireRole|apiActor)\(/;
