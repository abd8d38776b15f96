import type { RequestEvent } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoAppForFile } from '$lib/server/app.testing';
import { requestEvent } from '$lib/server/http/request-event.testing';
import { actorNamed } from '$lib/server/services/privacy.testing';
import type { DataStore } from '$lib/server/store/data-store';
import { actions } from './+page.server';

/** The resident page's "Sửa thông tin" (`?/edit`), called as Kit calls it, on a demo ward. */
let store: DataStore;
const startedStore = demoAppForFile('ths-cu-dan-sua-');
beforeAll(() => {
	store = startedStore();
});

async function edit(id: number, fields: Record<string, string>) {
	const url = new URL(`http://127.0.0.1/cu-dan/${id}?/edit`);
	const request = new Request(url, { method: 'POST', body: new URLSearchParams(fields) });
	const event = requestEvent(request, { id: String(id) }, actorNamed(store, 'tinhnguyen1'));
	const run = actions.edit as unknown as (e: RequestEvent) => Promise<unknown>;
	return (await run(event)) as { edited?: { changed: boolean; oldName: string | null } };
}

const someone = () =>
	store.db.get<{
		id: number;
		full_name: string;
		birth_year: number;
		phone: string | null;
		relationship: string;
	}>(
		`SELECT r.id, r.full_name, r.birth_year, r.phone, r.relationship FROM residents r
		 JOIN households h ON h.id = r.household_id WHERE h.neighborhood_id = 1 ORDER BY r.id LIMIT 1`
	)!;

describe('Sửa thông tin', () => {
	it('says nothing changed when "Lưu" is pressed on the fields as they were', async () => {
		const r = someone();
		const same = {
			fullName: r.full_name,
			birthYear: String(r.birth_year),
			phone: r.phone ?? '',
			relationship: r.relationship
		};
		expect((await edit(r.id, same)).edited).toMatchObject({ changed: false, oldName: null });
		expect(
			(await edit(r.id, { ...same, birthYear: String(r.birth_year - 1) })).edited
		).toMatchObject({ changed: true });
	});
});
