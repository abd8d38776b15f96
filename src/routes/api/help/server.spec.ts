import { beforeAll, describe, expect, it } from 'vitest';
import { demoAppForFile } from '$lib/server/app.testing';
import { requestHelp, withdrawHelp } from '$lib/server/services/kiosk';
import { actorNamed } from '$lib/server/services/privacy.testing';
import { answerHelp } from '$lib/server/services/sessions';
import type { Actor } from '$lib/domain/actor';
import type { DataStore } from '$lib/server/store/data-store';
import { GET } from './+server';

/** GET /api/help as Kit calls it, on a demo ward: what the staff bar's banner reads. */
let store: DataStore;
const startedStore = demoAppForFile('ths-help-list-');
beforeAll(() => {
	store = startedStore();
});

async function list(actor: Actor | null) {
	const response = await GET({ locals: { actor } } as unknown as Parameters<typeof GET>[0]);
	return (await response.json()) as { help: Array<Record<string, unknown>> };
}

describe('the open calls for help, for the staff bar', () => {
	it('lists an open call by place and time, to a volunteer, a head and the officer, and drops it once taken', async () => {
		const { request } = await requestHelp(store);
		for (const name of ['tinhnguyen1', 'truongkhu2', 'quantri']) {
			const { help } = await list(actorNamed(store, name));
			expect(help, name).toContainEqual({
				id: request.id,
				kiosk: request.kiosk,
				place: request.place,
				at: request.at
			});
		}
		await answerHelp(store, actorNamed(store, 'tinhnguyen2'), request.id);
		const { help } = await list(actorNamed(store, 'tinhnguyen1'));
		expect(help.map((h) => h.id)).not.toContain(request.id);
	});

	it('drops a call its kiosk withdrew (left alone, it cleared itself): nobody is waiting', async () => {
		const { request } = await requestHelp(store);
		const listed = async () => (await list(actorNamed(store, 'tinhnguyen1'))).help.map((h) => h.id);
		expect(await listed()).toContain(request.id);
		await withdrawHelp(store, String(request.id));
		expect(await listed()).not.toContain(request.id);
	});

	it('is refused to anyone not signed in', async () => {
		await expect(list(null)).rejects.toMatchObject({ status: 401 });
	});
});
