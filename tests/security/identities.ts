import { request, type APIRequestContext } from '@playwright/test';
import type { Role } from '../../src/lib/domain/actor';
import { DEMO } from '../support/pages';
import { apiSignIn } from '../support/sign-in';

export type Who = 'anonymous' | Role;

export const ACCOUNTS: Record<Role, { username: string; secret: string }> = {
	officer: { username: 'quantri', secret: DEMO.password },
	head: { username: 'truongkhu1', secret: DEMO.password },
	volunteer: { username: 'tinhnguyen1', secret: DEMO.pin }
};

/**
 * A request context for each identity, signed in through the JSON API. Redirects are not
 * followed (a 303 to the sign-in page is the answer under test), and every request carries
 * the server's own Origin so SvelteKit's CSRF check does not hide what the route does.
 */
export async function contexts(baseURL: string): Promise<Record<Who, APIRequestContext>> {
	const make = () =>
		request.newContext({ baseURL, maxRedirects: 0, extraHTTPHeaders: { origin: baseURL } });
	const out = { anonymous: await make() } as Record<Who, APIRequestContext>;
	for (const role of Object.keys(ACCOUNTS) as Role[]) {
		const ctx = await make();
		const { username, secret } = ACCOUNTS[role];
		const response = await apiSignIn(ctx, username, secret);
		if (response.status() !== 200) {
			throw new Error(`sign-in as ${role} failed: ${response.status()} ${await response.text()}`);
		}
		out[role] = ctx;
	}
	return out;
}
