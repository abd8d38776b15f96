import type { RequestEvent } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoAppForFile } from '$lib/server/app.testing';
import { login, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { DEFAULT_DEMO_PASSWORD } from '$lib/server/config';
import type { DataStore } from '$lib/server/store/data-store';
import { DiskFullError } from '$lib/server/store/store';
import { handle, handleError } from './hooks.server';

/** The handle hook as Kit calls it, on a demo ward: what a refusal leaves in the access log. */
let store: DataStore;
const startedStore = demoAppForFile('ths-hooks-');
beforeAll(() => {
	store = startedStore();
});

async function tokenOf(username: string): Promise<string> {
	const result = await login(store, username, DEFAULT_DEMO_PASSWORD, 'test');
	if (!result.ok) throw new Error(`no sign-in for ${username}: ${result.reason}`);
	return result.token;
}

/** GET `address` through the hook; the route itself answers `status`. */
async function get(address: string, token: string | undefined, status: number) {
	const url = new URL(`http://127.0.0.1${address}`);
	const event = {
		request: new Request(url),
		url,
		locals: {},
		route: { id: url.pathname },
		cookies: { get: (name: string) => (name === SESSION_COOKIE ? token : undefined) },
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
	const resolve = async () => new Response('route', { status });
	return handle({ event, resolve });
}

const refusals = () =>
	store.db.all<{ actor_id: number | null; subject: string; detail: string }>(
		"SELECT actor_id, subject, detail FROM audit_log WHERE action = 'access.refused' ORDER BY id"
	);

describe('refusals in the access log', () => {
	it('records a head refused another khu phố’s report, with the address tried', async () => {
		const before = refusals().length;
		const head = await tokenOf('truongkhu3');
		const answer = await get('/bao-cao?neighborhood=5', head, 403);
		expect(answer.status).toBe(403);
		const rows = refusals().slice(before);
		const headId = store.db.value<number>("SELECT id FROM users WHERE username = 'truongkhu3'");
		expect(rows).toEqual([
			{ actor_id: headId, subject: 'page:/bao-cao?neighborhood=5', detail: 'GET' }
		]);
	});

	it('records a volunteer stopped at the officer’s pages by the role wall', async () => {
		const before = refusals().length;
		const volunteer = await login(store, 'tinhnguyen1', '246810', 'test');
		if (!volunteer.ok) throw new Error(volunteer.reason);
		expect((await get('/quan-tri/tai-khoan', volunteer.token, 200)).status).toBe(403);
		expect(
			refusals()
				.slice(before)
				.map((r) => r.subject)
		).toEqual(['page:/quan-tri/tai-khoan']);
	});

	it('records nothing for pages answered, nor for refusals of nobody signed in', async () => {
		const before = refusals().length;
		const head = await tokenOf('truongkhu3');
		expect((await get('/bao-cao', head, 200)).status).toBe(200);
		expect((await get('/api/neighborhoods', undefined, 200)).status).toBe(401);
		expect(refusals().length).toBe(before);
	});
});

describe('a page that needed a write while the disk is full', () => {
	it('says so in words an officer can act on, and does not log a stack trace for it', async () => {
		const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
			code: 'ENOSPC'
		});
		const logged: unknown[] = [];
		const error = console.error;
		console.error = (...args: unknown[]) => logged.push(args);
		try {
			const body = await handleError({
				error: new DiskFullError(full),
				event: {
					request: new Request('http://127.0.0.1/dang-nhap'),
					url: new URL('http://127.0.0.1/dang-nhap')
				},
				status: 500,
				message: 'Internal Error'
			} as unknown as Parameters<typeof handleError>[0]);
			expect(body).toMatchObject({ reason: 'disk_full' });
			expect((body as { message: string }).message).toContain('ổ đĩa đã đầy');
		} finally {
			console.error = error;
		}
		expect(logged).toEqual([]);
	});
});
