import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { cardSheet, reissueCard, revokeCard } from './cards';
import { importResidents } from './import';
import { actorNamed, demoStore, footprint } from './privacy.testing';
import {
	createHousehold,
	createResident,
	householdPage,
	listHouseholds,
	neighborhoodsFor,
	searchResidents,
	viewResident
} from './residents';

let store: Store;
beforeAll(async () => {
	store = await demoStore();
});
afterAll(() => store.close());

/** Khu phố 1's first household and its first member (the demo seeds every khu phố alike). */
const householdIn = (n: number) =>
	store.db.value<number>('SELECT min(id) FROM households WHERE neighborhood_id = ?', [n])!;
const residentIn = (n: number) =>
	store.db.value<number>('SELECT min(id) FROM residents WHERE household_id = ?', [householdIn(n)])!;
const audits = () => store.db.value<number>('SELECT count(*) FROM audit_log') ?? 0;
const head2 = () => actorNamed(store, 'truongkhu2');
const consent = { method: 'paper', takenBy: 'Trưởng khu phố 2' };
const NOT_RESIDENT = {
	ok: false,
	status: 403,
	reason: 'forbidden',
	message: 'Cư dân này không ở khu phố của bạn.'
};
const NOT_HOUSEHOLD = { ...NOT_RESIDENT, message: 'Hộ này không ở khu phố của bạn.' };

describe('a head works only with their own khu phố', () => {
	it('is refused another khu phố’s resident and household pages, unaudited', async () => {
		const before = audits();
		expect(await viewResident(store, head2(), residentIn(1))).toEqual(NOT_RESIDENT);
		expect(householdPage(store, head2(), householdIn(1))).toEqual(NOT_HOUSEHOLD);
		expect(audits()).toBe(before);
		expect(await viewResident(store, head2(), 99_999_999)).toMatchObject({ status: 404 });
	});

	it('opens their own, as volunteers and the officer open any', async () => {
		const own = await viewResident(store, head2(), residentIn(2));
		expect(own.ok && own.value.resident.neighborhoodName).toBe('Khu phố 2');
		expect(householdPage(store, head2(), householdIn(2)).ok).toBe(true);
		for (const name of ['tinhnguyen1', 'quantri']) {
			expect((await viewResident(store, actorNamed(store, name), residentIn(1))).ok).toBe(true);
			expect(householdPage(store, actorNamed(store, name), householdIn(1)).ok).toBe(true);
		}
	});

	it('changes nothing in another khu phố: cards, new members, new households, imports', async () => {
		const before = footprint(store);
		const card = store.db.value<string>(
			'SELECT code FROM cards WHERE resident_id = ? AND revoked_at IS NULL',
			[residentIn(1)]
		)!;
		expect(await reissueCard(store, head2(), residentIn(1))).toEqual(NOT_RESIDENT);
		expect(await revokeCard(store, head2(), residentIn(1), card)).toEqual(NOT_RESIDENT);
		const member = { fullName: 'Lê Thị Hoa', birthYear: '1956', consent };
		expect(
			await createResident(store, head2(), { ...member, householdId: householdIn(1) })
		).toEqual(NOT_HOUSEHOLD);
		const household = { neighborhoodId: 1, address: 'Số 9, tổ 1', headName: 'Lê Thị Hoa' };
		expect(await createHousehold(store, head2(), household)).toMatchObject({
			status: 403,
			reason: 'forbidden'
		});
		const csv = 'Họ và tên,Năm sinh,Địa chỉ,Khu phố\nLê Thị Hoa,1956,Số 9 tổ 1,Khu phố 1\n';
		const imported = await importResidents(
			store,
			head2(),
			{ name: 'ds.csv', bytes: Buffer.from(csv) },
			{ dryRun: false, consent }
		);
		expect(imported.ok && imported.value.imported).toBe(0);
		expect(imported.ok && imported.value.errors[0].message).toBe(
			'Khu phố 1 không phải khu phố của bạn.'
		);
		expect(footprint(store)).toEqual(before);
		// Their own khu phố, as before.
		const own = await createHousehold(store, head2(), { ...household, neighborhoodId: 2 });
		expect(own.ok && own.value.neighborhoodName).toBe('Khu phố 2');
	});

	it('prints only their own khu phố’s cards', async () => {
		const refused = (message: string) => ({ ok: false, status: 403, reason: 'forbidden', message });
		expect(await cardSheet(store, head2(), { kind: 'resident', id: residentIn(1) })).toEqual(
			refused('Cư dân này không ở khu phố của bạn.')
		);
		expect(await cardSheet(store, head2(), { kind: 'household', id: householdIn(1) })).toEqual(
			refused('Hộ này không ở khu phố của bạn.')
		);
		expect(await cardSheet(store, head2(), { kind: 'neighborhood', id: 1 })).toEqual(
			refused('Khu phố này không phải khu phố của bạn.')
		);
		const own = await cardSheet(store, head2(), { kind: 'household', id: householdIn(2) });
		expect(own.ok && own.value.cards.length).toBeGreaterThan(0);
		const officer = actorNamed(store, 'quantri');
		expect((await cardSheet(store, officer, { kind: 'neighborhood', id: 1 })).ok).toBe(true);
	});

	it('finds and lists only their own khu phố, at a class too', () => {
		const hoods = (r: ReturnType<typeof searchResidents>) =>
			new Set(r.ok ? r.value.map((p) => p.neighborhoodName) : ['refused']);
		expect(hoods(searchResidents(store, actorNamed(store, 'quantri'), 'nguyen')).size).toBe(8);
		expect(hoods(searchResidents(store, head2(), 'nguyen'))).toEqual(new Set(['Khu phố 2']));
		expect(searchResidents(store, head2(), 'nguyen', 1)).toEqual({ ok: true, value: [] });
		const session = store.db.value<number>(
			'SELECT id FROM class_sessions WHERE neighborhood_id = 1 LIMIT 1'
		)!;
		expect(session).toBeGreaterThan(0);
		expect(hoods(searchResidents(store, head2(), 'nguyen', undefined, session))).toEqual(
			new Set(['Khu phố 2'])
		);
		expect(listHouseholds(store, head2(), 1)).toEqual([]);
		expect(listHouseholds(store, head2(), 2).length).toBeGreaterThan(0);
		expect(neighborhoodsFor(store, head2()).map((n) => n.name)).toEqual(['Khu phố 2']);
		expect(neighborhoodsFor(store, actorNamed(store, 'tinhnguyen1'))).toHaveLength(8);
	});
});
