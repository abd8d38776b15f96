import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/actor';
import { demoAppForFile } from '$lib/server/app.testing';
import { requestEvent } from '$lib/server/http/request-event.testing';
import { actorNamed } from '$lib/server/services/privacy.testing';
import type { DataStore } from '$lib/server/store/data-store';
import { POST } from './+server';

/** POST /api/residents/:id/move as a client meets it: the handler itself, on a demo ward. */
let store: DataStore;
let volunteer: Actor;
const startedStore = demoAppForFile('ths-resident-move-');
beforeAll(() => {
	store = startedStore();
	volunteer = actorNamed(store, 'tinhnguyen1');
});

async function move(id: number | string, body: unknown, actor: Actor | null = volunteer) {
	const request = new Request(`http://127.0.0.1/api/residents/${id}/move`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	try {
		const response = await POST(requestEvent(request, { id: String(id) }, actor) as never);
		return { status: response.status, body: await response.json() };
	} catch (error) {
		// requireRole throws SvelteKit's error(); the hooks give it the API's shape.
		return { status: (error as { status: number }).status, body: null };
	}
}

/** The first resident of khu phố `khu`; the newest household of khu phố `khu`. */
const someone = (khu: number) =>
	store.db.value<number>(
		'SELECT min(r.id) FROM residents r JOIN households h ON h.id = r.household_id WHERE h.neighborhood_id = ?',
		[khu]
	)!;
const householdOf = (khu: number) =>
	store.db.value<number>('SELECT max(id) FROM households WHERE neighborhood_id = ?', [khu])!;

describe('POST /api/residents/:id/move', () => {
	it('moves the person and answers with them as PATCH does', async () => {
		const id = someone(6);
		const to = householdOf(7);
		const answer = await move(id, { householdId: to });
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ id, householdId: to, neighborhoodId: 7 });
		expect(store.db.value('SELECT count(*) FROM resident_moves WHERE resident_id = ?', [id])).toBe(
			1
		);
	});

	it('answers 400 without a household, 404 for none such, 403 for a head and another khu phố', async () => {
		const id = someone(8);
		expect(await move(id, {})).toMatchObject({ status: 400, body: { reason: 'invalid' } });
		expect(await move(id, { householdId: 99_999_999 })).toMatchObject({
			status: 404,
			body: { reason: 'unknown_household' }
		});
		expect(await move(99_999_999, { householdId: householdOf(8) })).toMatchObject({
			status: 404,
			body: { reason: 'unknown_resident' }
		});
		expect(
			await move(id, { householdId: householdOf(4) }, actorNamed(store, 'truongkhu8'))
		).toMatchObject({
			status: 403,
			body: { reason: 'forbidden', message: 'Hộ này không ở khu phố của bạn.' }
		});
		expect((await move(id, { householdId: householdOf(4) }, null)).status).toBe(401);
		expect(store.db.value('SELECT count(*) FROM resident_moves WHERE resident_id = ?', [id])).toBe(
			0
		);
	});
});
