import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { BASE_URL } from '../../playwright.config';
import { discoverRoutes, guardFiles, samplePath, type DiscoveredRoute } from './discover';
import { allowedRoles, isPublic, PUBLIC_ROUTES, ROLE_GUARDS } from './expectations';
import { contexts, type Who } from './identities';

/**
 * Every route found in src/routes, tried without a session and with each role that must not
 * use it, must refuse: 401 (API) or a redirect to sign-in (pages) for nobody, 403 for a
 * wrong role. A route merged later is covered without being listed here.
 */
const routes = discoverRoutes();
const guarded = routes.filter((r) => !isPublic(r.id));

interface Attempt {
	route: DiscoveredRoute;
	method: string;
	action?: string;
	path: string;
}

function attempts(route: DiscoveredRoute): Attempt[] {
	const path = samplePath(route.id);
	if (route.kind === 'endpoint') {
		return route.methods
			.filter((m) => m !== 'fallback' && m !== 'HEAD' && m !== 'OPTIONS')
			.map((method) => ({ route, method, path }));
	}
	return [
		{ route, method: 'GET', path },
		...route.actions.map((action) => ({
			route,
			method: 'POST',
			action,
			path: action === 'default' ? path : `${path}?/${action}`
		}))
	];
}

function send(ctx: APIRequestContext, a: Attempt): Promise<APIResponse> {
	if (a.route.kind === 'page' && a.method === 'POST') {
		return ctx.post(a.path, { form: { id: '1' } });
	}
	return ctx.fetch(a.path, { method: a.method, data: a.method === 'GET' ? undefined : {} });
}

/** What a refusal looks like for this identity, or null when the attempt got through. */
async function refusal(a: Attempt, who: Who, response: APIResponse): Promise<string | null> {
	const status = response.status();
	if (who === 'anonymous') {
		if (a.route.kind === 'endpoint') {
			return status === 401 && (await response.json()).reason ? 'refused' : null;
		}
		const location = response.headers()['location'] ?? '';
		return status === 303 && location.startsWith('/dang-nhap') ? 'refused' : null;
	}
	if (status !== 403) return null;
	if (a.route.kind === 'endpoint') return (await response.json()).reason ? 'refused' : null;
	return 'refused';
}

test('the routes are discovered from the filesystem', () => {
	const ids = routes.map((r) => `${r.kind} ${r.id}`);
	// A few of this branch's own routes, so an empty or broken discovery cannot pass.
	expect(ids).toEqual(
		expect.arrayContaining([
			'endpoint /api/users',
			'endpoint /api/users/[id]/unlock',
			'endpoint /api/audit',
			'endpoint /api/residents/[id]',
			'page /quan-tri/tai-khoan',
			'page /cu-dan/[id]/du-lieu'
		])
	);
	const erasure = routes.find((r) => r.id === '/api/residents/[id]' && r.kind === 'endpoint');
	expect(erasure?.methods).toContain('DELETE');
	const accounts = routes.find((r) => r.id === '/quan-tri/tai-khoan');
	expect(accounts?.actions).toEqual(
		expect.arrayContaining(['create', 'disable', 'unlock', 'reset', 'revoke'])
	);
});

test('every route that is not on the short public list refuses the wrong people', async () => {
	test.setTimeout(180_000);
	const who = await contexts(BASE_URL);
	const failures: string[] = [];
	let tried = 0;
	for (const route of guarded) {
		for (const a of attempts(route)) {
			const allowed = allowedRoles(route.id, a.method, a.action);
			const denied: Who[] = [
				'anonymous',
				...(['volunteer', 'head', 'officer'] as const).filter((r) => !allowed.includes(r))
			];
			for (const identity of denied) {
				tried++;
				const response = await send(who[identity], a);
				if (!(await refusal(a, identity, response))) {
					failures.push(
						`${a.method} ${a.path} as ${identity}: ${response.status()} (expected ${identity === 'anonymous' ? '401 / redirect to sign-in' : '403'})`
					);
				}
			}
		}
	}
	expect(failures).toEqual([]);
	expect(tried).toBeGreaterThan(20);
});

test('every guarded route checks the role in its own server code, not only at the wall', () => {
	const unguarded = guarded
		.filter((route) => {
			const sources = guardFiles(route).map((f) => readFileSync(f, 'utf8'));
			return !sources.some((s) => ROLE_GUARDS.test(s));
		})
		.map((r) => `${r.kind} ${r.id} (${r.dir})`);
	expect(unguarded).toEqual([]);
});

test('the public list names only what must be open', () => {
	const open = routes.filter((r) => isPublic(r.id)).map((r) => r.id);
	for (const id of open) {
		// Nothing personal is served under a public address.
		expect(id).not.toMatch(/cu-dan|residents|users|audit|reports|bao-cao|quan-tri/);
	}
	expect(PUBLIC_ROUTES.length).toBeLessThanOrEqual(10);
});
