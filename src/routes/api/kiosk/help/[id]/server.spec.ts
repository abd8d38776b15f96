import { beforeAll, describe, expect, it } from 'vitest';
import { demoAppForFile } from '$lib/server/app.testing';
import { requestHelp } from '$lib/server/services/kiosk';
import { actorNamed } from '$lib/server/services/privacy.testing';
import { answerHelp } from '$lib/server/services/sessions';
import type { DataStore } from '$lib/server/store/data-store';
import { DELETE, GET } from './+server';

/** GET /api/kiosk/help/:id as Kit calls it, on a demo ward. */
let store: DataStore;
const startedStore = demoAppForFile('ths-help-status-');
beforeAll(() => {
	store = startedStore();
});

async function status(id: string) {
	const response = await GET({ params: { id } } as unknown as Parameters<typeof GET>[0]);
	return { status: response.status, body: await response.json() };
}

async function withdraw(id: string) {
	const response = await DELETE({ params: { id } } as unknown as Parameters<typeof DELETE>[0]);
	return { status: response.status, body: await response.json() };
}

describe('a kiosk asking after its call', () => {
	it('hears when a volunteer has taken it, and nothing about who', async () => {
		const { request } = await requestHelp(store);
		expect(await status(String(request.id))).toEqual({
			status: 200,
			body: { id: request.id, at: request.at, answeredAt: null, closed: null }
		});
		await answerHelp(store, actorNamed(store, 'tinhnguyen2'), request.id);
		const after = await status(String(request.id));
		expect(after.status).toBe(200);
		expect(typeof after.body.answeredAt).toBe('number');
		expect(Object.keys(after.body).sort()).toEqual(['answeredAt', 'at', 'closed', 'id']);
	});

	it('gets a reason for an id that is not one, or of no call', async () => {
		expect(await status('abc')).toMatchObject({ status: 400, body: { reason: 'bad_id' } });
		expect(await status('1e3')).toMatchObject({ status: 400, body: { reason: 'bad_id' } });
		expect(await status('999999')).toMatchObject({ status: 404, body: { reason: 'not_found' } });
	});
});

describe('a kiosk withdrawing its call (it cleared itself for the next person)', () => {
	it('ends an untaken call, once; a taken one stays taken', async () => {
		const { request } = await requestHelp(store);
		const first = await withdraw(String(request.id));
		expect(first).toEqual({
			status: 200,
			body: {
				id: request.id,
				at: request.at,
				answeredAt: null,
				closed: 'withdrawn',
				withdrawn: true
			}
		});
		expect((await withdraw(String(request.id))).body).toMatchObject({ withdrawn: false });
		expect((await status(String(request.id))).body.closed).toBe('withdrawn');

		const { request: next } = await requestHelp(store);
		expect(next.id).not.toBe(request.id);
		await answerHelp(store, actorNamed(store, 'tinhnguyen2'), next.id);
		const taken = await withdraw(String(next.id));
		expect(taken.body).toMatchObject({ closed: null, withdrawn: false });
		expect(typeof taken.body.answeredAt).toBe('number');
	});

	it('gets a reason for an id that is not one, or of no call', async () => {
		expect(await withdraw('abc')).toMatchObject({ status: 400, body: { reason: 'bad_id' } });
		expect(await withdraw('999999')).toMatchObject({ status: 404, body: { reason: 'not_found' } });
	});
});
