import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../store/store';
import { opHandlers } from '.';
import type { ResidentCreatePayload } from './residents';
import type { ImportPayload } from './import';

/**
 * The guardian's name (migration 0014) in the ops that store a consent, and the journal lines
 * written before it, without the field: they replay as they ran, with no name (NULL).
 */
const stores: Store[] = [];
afterAll(async () => {
	for (const s of stores) await s.close();
});
const logged: string[] = [];
const open = async (dir: string) => {
	const store = await Store.open({ dir, handlers: opHandlers, log: (line) => logged.push(line) });
	stores.push(store);
	return store;
};
const consents = (store: Store) =>
	store.db.all(
		`SELECT r.full_name, c.method, c.guardian_name FROM consents c
		 JOIN residents r ON r.id = c.resident_id ORDER BY r.id`
	);

describe("a consent's guardian in the journal", () => {
	it('stores the name given, and replays an op journaled before it without one', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'ths-guardian-'));
		const store = await open(dir);
		const hood = await store.write<{ id: number }>('neighborhoods.create', { name: 'Khu phố 1' });
		const household = await store.write<{ id: number }>('households.create', {
			neighborhoodId: hood.id,
			address: 'Số 1 ngõ Hoa',
			headName: 'Lê Văn Bố'
		});
		const at = Date.UTC(2026, 10, 20);
		const person = (fullName: string, consent: object): ResidentCreatePayload => ({
			householdId: household.id,
			fullName,
			birthYear: 2015,
			phone: null,
			relationship: 'Con',
			consent: { takenBy: 'TNV 1', at, ...consent } as ResidentCreatePayload['consent'],
			cardCode: `THSTEST${fullName.length}`
		});
		// As journaled before migration 0014: no guardianName key at all.
		await store.write('residents.create', person('Lê Minh Cũ', { method: 'guardian' }));
		await store.write(
			'residents.create',
			person('Lê Minh Mới', { method: 'guardian', guardianName: 'Lê Văn Bố' })
		);
		const list = (guardianName?: string): ImportPayload => ({
			rows: [
				{
					row: 2,
					neighborhoodId: hood.id,
					address: 'Số 1 ngõ Hoa',
					headName: 'Lê Văn Bố',
					fullName: guardianName ? 'Lê Thị Nhập Mới' : 'Lê Thị Nhập Cũ',
					birthYear: 1990,
					phone: null,
					relationship: '',
					cardCode: `THSIMPORT${guardianName ? 1 : 0}`,
					...(guardianName ? { guardianName } : {})
				}
			],
			consent: { method: 'paper', takenBy: 'TNV 1', at },
			fileName: 'ds.csv',
			nameRule: 'tones',
			addressRule: 'khu-pho'
		});
		await store.write('import.residents', list(), null);
		await store.write('import.residents', list('Lê Văn Bố'), null);
		const expected = [
			{ full_name: 'Lê Minh Cũ', method: 'guardian', guardian_name: null },
			{ full_name: 'Lê Minh Mới', method: 'guardian', guardian_name: 'Lê Văn Bố' },
			{ full_name: 'Lê Thị Nhập Cũ', method: 'paper', guardian_name: null },
			{ full_name: 'Lê Thị Nhập Mới', method: 'guardian', guardian_name: 'Lê Văn Bố' }
		];
		expect(consents(store)).toEqual(expected);
		// Not closed (no final snapshot): a second store on the folder rebuilds from the journal.
		const replayed = await open(dir);
		expect(logged).toContain('store: replayed 6 journaled ops (0 damaged lines dropped)');
		expect(consents(replayed)).toEqual(expected);
	});
});
