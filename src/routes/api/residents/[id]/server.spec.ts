import type { RequestEvent } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/actor';
import { demoAppForFile } from '$lib/server/app.testing';
import { actorNamed } from '$lib/server/services/privacy.testing';
import { requestEvent } from '$lib/server/http/request-event.testing';
import type { DataStore } from '$lib/server/store/data-store';
import { POST } from '../+server';
import { PATCH } from './+server';

/** PATCH /api/residents/:id as a client meets it: the handlers themselves, on a demo ward. */
let store: DataStore;
let volunteer: Actor;
const startedStore = demoAppForFile('ths-resident-patch-');
beforeAll(() => {
	store = startedStore();
	volunteer = actorNamed(store, 'tinhnguyen1');
});

type Handler = (e: RequestEvent) => Promise<Response>;

async function call(
	handler: unknown,
	method: string,
	id: string,
	body: unknown,
	actor: Actor | null
) {
	const url = new URL(`http://127.0.0.1/api/residents${id ? `/${id}` : ''}`);
	const request = new Request(url, {
		method,
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	const event = requestEvent(request, { id }, actor);
	let response: Response;
	try {
		response = await (handler as Handler)(event);
	} catch (error) {
		// requireRole throws for POST as SvelteKit's error(); the hooks give it the API's shape.
		return { status: (error as { status: number }).status, body: null };
	}
	return { status: response.status, body: await response.json() };
}

const patch = (id: number | string, body: unknown, actor: Actor | null = volunteer) =>
	call(PATCH, 'PATCH', String(id), body, actor);

/** A new member of Khu phố 3's first household, as POST /api/residents returns them. */
async function member(fullName: string) {
	const household = store.db.value<number>(
		'SELECT min(id) FROM households WHERE neighborhood_id = 3'
	)!;
	const made = await call(
		POST,
		'POST',
		'',
		{
			householdId: household,
			fullName,
			birthYear: 1955,
			relationship: 'Chồng',
			consent: { method: 'paper', takenBy: 'Tình nguyện viên 1' }
		},
		volunteer
	);
	expect(made.status).toBe(201);
	return made.body as Record<string, unknown> & { id: number };
}

describe('PATCH /api/residents/:id', () => {
	it('corrects any of the four fields and answers with the resident as POST does', async () => {
		const created = await member('Nguyen Van Binh Ba');
		const answer = await patch(created.id, { fullName: 'Nguyễn Văn Bình Ba', birthYear: 1956 });
		expect(answer.status).toBe(200);
		expect(Object.keys(answer.body).sort()).toEqual(Object.keys(created).sort());
		expect(answer.body).toEqual({ ...created, fullName: 'Nguyễn Văn Bình Ba', birthYear: 1956 });
		const phone = await patch(created.id, { phone: '0912.345.678', relationship: 'Chủ hộ' });
		expect(phone.body).toMatchObject({
			phone: '0912345678',
			relationship: 'Chủ hộ',
			birthYear: 1956
		});
	});

	it('refuses a wrong field in the error shape of the other endpoints, with the registering words', async () => {
		const created = await member('Đào Văn Sai');
		expect(await patch(created.id, { birthYear: 1800 })).toEqual({
			status: 400,
			body: {
				status: 'error',
				reason: 'invalid_birth_year',
				message: `Năm sinh phải là năm có 4 chữ số, từ 1900 đến ${new Date().getUTCFullYear()}.`
			}
		});
		expect(await patch(created.id, { fullName: 42 })).toMatchObject({
			status: 400,
			body: { status: 'error', reason: 'invalid_name' }
		});
		expect(await patch(created.id, {})).toMatchObject({
			status: 400,
			body: { reason: 'nothing_to_change' }
		});
		expect(await patch(created.id, [1])).toMatchObject({
			status: 400,
			body: { reason: 'malformed' }
		});
	});

	it('answers 404 for no such resident, 403 for a head of another khu phố, 401 signed out', async () => {
		const created = await member('Đào Văn Cấm');
		expect(await patch(99_999_999, { birthYear: 1956 })).toMatchObject({
			status: 404,
			body: { status: 'error', reason: 'unknown_resident' }
		});
		expect(await patch('abc', { birthYear: 1956 })).toMatchObject({
			status: 404,
			body: { reason: 'not_found' }
		});
		expect(await patch(created.id, { birthYear: 1956 }, actorNamed(store, 'truongkhu2'))).toEqual({
			status: 403,
			body: { status: 'error', reason: 'forbidden', message: 'Cư dân này không ở khu phố của bạn.' }
		});
		expect(await patch(created.id, { birthYear: 1956 }, null)).toMatchObject({
			status: 401,
			body: { status: 'error', reason: 'unauthenticated' }
		});
		expect(store.db.value('SELECT birth_year FROM residents WHERE id = ?', [created.id])).toBe(
			1955
		);
	});

	it('refuses a likely duplicate (409) unless "allowDuplicate": true, and a withdrawn person', async () => {
		await member('Lương Văn Một');
		const created = await member('Luong Van Hai');
		const asked = await patch(created.id, { fullName: 'Luong Van Mot' });
		expect(asked).toEqual({
			status: 409,
			body: {
				status: 'error',
				reason: 'duplicate',
				message:
					'Khu phố này đã có người cùng họ tên và năm sinh: Lương Văn Một (1955), ngay trong hộ này.'
			}
		});
		expect(
			(await patch(created.id, { fullName: 'Luong Van Mot', allowDuplicate: true })).status
		).toBe(200);
		await store.write(
			'consent.withdraw',
			{ residentId: created.id, note: '', device: '' },
			volunteer.id
		);
		expect(await patch(created.id, { phone: '0912345678' })).toMatchObject({
			status: 409,
			body: { status: 'error', reason: 'consent_withdrawn' }
		});
	});
});
