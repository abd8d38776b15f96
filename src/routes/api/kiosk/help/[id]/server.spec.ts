import { beforeAll, describe, expect, it } from 'vitest';
import { demoAppForFile } from '$lib/server/app.testing';
import { requestHelp } from '$lib/server/services/kiosk';
import { actorNamed } from '$lib/server/services/privacy.testing';
import { answerHelp } from '$lib/server/services/sessions';
import type { DataStore } from '$lib/server/store/data-store';
import { GET } from './+server';

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

describe('a kiosk asking after its call', () => {
	it('hears when a volunteer has taken it, and nothing about who', async () => {
		const { request } = await requestHelp(store);
		expect(await status(String(request.id))).toEqual({
			status: 200,
			body: { id: request.id, at: request.at, answeredAt: null }
		});
		await answerHelp(store, actorNamed(store, 'tinhnguyen2'), request.id);
		const after = await status(String(request.id));
		expect(after.status).toBe(200);
		expect(typeof after.body.answeredAt).toBe('number');
		expect(Object.keys(after.body).sort()).toEqual(['answeredAt', 'at', 'id']);
	});

	it('gets a reason for an id that is not one, or of no call', async () => {
		expect(await status('abc')).toMatchObject({ status: 400, body: { reason: 'bad_id' } });
		expect(await status('1e3')).toMatchObject({ status: 400, body: { reason: 'bad_id' } });
		expect(await status('999999')).toMatchObject({ status: 404, body: { reason: 'not_found' } });
	});
});
