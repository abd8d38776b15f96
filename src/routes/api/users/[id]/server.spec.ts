import type { RequestEvent } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/actor';
import { demoAppForFile } from '$lib/server/app.testing';
import { actorForToken, login } from '$lib/server/auth/sessions';
import { actorNamed } from '$lib/server/services/privacy.testing';
import type { DataStore } from '$lib/server/store/data-store';
import { PATCH } from './+server';

/** The account endpoint as a client meets it: the handler itself, on a demo ward. */
let store: DataStore;
let officer: Actor;

const startedStore = demoAppForFile('ths-users-route-');
beforeAll(() => {
	store = startedStore();
	officer = actorNamed(store, 'quantri');
});

async function patch(id: number, body: unknown) {
	const url = new URL(`http://127.0.0.1/api/users/${id}`);
	const request = new Request(url, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	const event = {
		request,
		url,
		params: { id: String(id) },
		locals: { actor: officer },
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
	const response = await (PATCH as (e: RequestEvent) => Promise<Response>)(event);
	return { status: response.status, body: await response.json() };
}

const signIn = async (username: string, secret: string) =>
	(await login(store, username, secret, 'vitest')).ok;
const accountChanges = () =>
	store.db.value<number>("SELECT count(*) FROM audit_log WHERE action LIKE 'account.%'");

describe('PATCH /api/users/:id', () => {
	it('refuses stopping one’s own account with a new password, and changes nothing', async () => {
		const session = await login(store, 'quantri', 'hatu2026', 'vitest');
		if (!session.ok) throw new Error('the demo officer cannot sign in');
		const before = accountChanges();
		const answer = await patch(officer.id, { secret: 'hatu2027x', disabled: true });
		expect(answer).toMatchObject({ status: 409, body: { status: 'error', reason: 'self' } });
		// Still signed in, the old password still opens, the new one does not.
		expect(actorForToken(store, session.token)?.id).toBe(officer.id);
		expect(await signIn('quantri', 'hatu2027x')).toBe(false);
		expect(await signIn('quantri', 'hatu2026')).toBe(true);
		expect(accountChanges()).toBe(before);
	});

	it('refuses a weak password given with "disabled" and does not stop the account', async () => {
		const head = actorNamed(store, 'truongkhu3');
		const answer = await patch(head.id, { secret: 'ngan', disabled: true });
		expect(answer).toMatchObject({ status: 400, body: { reason: 'invalid' } });
		expect(await signIn('truongkhu3', 'hatu2026')).toBe(true);
	});

	it('makes both changes when both are allowed', async () => {
		const head = actorNamed(store, 'truongkhu4');
		const answer = await patch(head.id, { secret: 'hatu2027x', disabled: true });
		expect(answer).toMatchObject({ status: 200, body: { user: { disabled: true } } });
		expect(await signIn('truongkhu4', 'hatu2027x')).toBe(false); // stopped
		await patch(head.id, { disabled: false });
		expect(await signIn('truongkhu4', 'hatu2027x')).toBe(true);
	});
});
