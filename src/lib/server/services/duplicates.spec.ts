import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor';
import type { ImportPayload } from '../ops/import';
import type { Store } from '../store/store';
import { rowLine } from '../../components/checkin/import-words';
import { importResidents } from './import';
import { actorNamed, demoStore } from './privacy.testing';
import { createHousehold, createResident } from './residents';

/** The duplicate rule (domain/duplicates.ts) where people are added: the API and import. */
let store: Store;
let officer: Actor;
beforeAll(async () => {
	store = await demoStore();
	officer = actorNamed(store, 'quantri');
});
afterAll(() => store.close());

const consent = { method: 'paper', takenBy: 'Cán bộ phường' };
let serial = 0;

/** A new household in Khu phố `khu` (5) whose head is (another) Đỗ Thị Hường, born 1950. */
async function hoaHousehold(khu = 5) {
	const address = `Số ${++serial} ngõ Hoa Sữa`;
	const created = await createHousehold(store, officer, {
		neighborhoodId: khu,
		address,
		headName: 'Đỗ Thị Hường'
	});
	if (!created.ok) throw new Error(created.message);
	const id = created.value.id;
	// A namesake of the other fixtures' heads on purpose (the khu phố-wide rule would ask).
	const head = await createResident(store, officer, {
		householdId: id,
		fullName: 'Đỗ Thị Hường',
		birthYear: 1950,
		consent,
		allowDuplicate: true
	});
	expect(head.ok).toBe(true);
	return { id, address };
}

const members = (householdId: number) =>
	store.db
		.all<{ full_name: string }>(
			'SELECT full_name FROM residents WHERE household_id = ? ORDER BY id',
			[householdId]
		)
		.map((r) => r.full_name);

describe('POST /api/residents (createResident)', () => {
	it('adds Hương beside Hường: another name, not a duplicate', async () => {
		const { id } = await hoaHousehold();
		const added = await createResident(store, officer, {
			householdId: id,
			fullName: 'Đỗ Thị Hương',
			birthYear: 1950,
			consent
		});
		expect(added.ok).toBe(true);
		expect(members(id)).toEqual(['Đỗ Thị Hường', 'Đỗ Thị Hương']);
	});

	it('refuses "Do Thi Huong" (no diacritics) as a likely duplicate, unless allowDuplicate', async () => {
		const { id } = await hoaHousehold();
		const person = { householdId: id, fullName: 'Do Thi Huong', birthYear: 1950, consent };
		expect(await createResident(store, officer, person)).toMatchObject({
			ok: false,
			status: 409,
			reason: 'duplicate'
		});
		expect(
			await createResident(store, officer, { ...person, allowDuplicate: 'true' })
		).toMatchObject({ status: 409 });
		expect((await createResident(store, officer, { ...person, allowDuplicate: true })).ok).toBe(
			true
		);
		expect(members(id)).toEqual(['Đỗ Thị Hường', 'Do Thi Huong']);
	});
});

describe('adding a member (household page, POST /api/residents): the whole khu phố', () => {
	/** A household of Khu phố `khu` with `head` (born 1960) and its page's address. */
	async function household(khu: number, head: string) {
		const address = `Số ${++serial} đường Hàng Khôi`;
		const made = await createHousehold(store, officer, {
			neighborhoodId: khu,
			address,
			headName: head
		});
		if (!made.ok) throw new Error(made.message);
		const headAdded = await createResident(store, officer, {
			householdId: made.value.id,
			fullName: head,
			birthYear: 1960,
			consent
		});
		expect(headAdded.ok).toBe(true);
		return { id: made.value.id, address };
	}

	it('asks about "Tran Minh Khoi" (2014) when another household of the khu phố has Trần Minh Khôi (2014)', async () => {
		const first = await household(3, 'Trần Văn Một');
		// A child: their guardian's consent (services/residents.ts consentFitsPerson).
		const khoi = {
			fullName: 'Trần Minh Khôi',
			birthYear: 2014,
			relationship: 'Con',
			consent: { method: 'guardian', takenBy: 'Cán bộ phường', guardianName: 'Trần Văn Một' }
		};
		expect((await createResident(store, officer, { ...khoi, householdId: first.id })).ok).toBe(
			true
		);
		const second = await household(3, 'Lê Thị Hai');
		const again = { ...khoi, fullName: 'Tran Minh Khoi', householdId: second.id };
		const asked = await createResident(store, officer, again);
		expect(asked).toMatchObject({
			ok: false,
			status: 409,
			reason: 'duplicate',
			message: `Khu phố này đã có người cùng họ tên và năm sinh: Trần Minh Khôi (2014), hộ ở ${first.address}, Khu phố 3.`,
			twins: [{ householdId: first.id, fullName: 'Trần Minh Khôi', birthYear: 2014 }]
		});
		expect(members(second.id)).toEqual(['Lê Thị Hai']);
		// Really another child of that name and year: said so, and added.
		expect((await createResident(store, officer, { ...again, allowDuplicate: true })).ok).toBe(
			true
		);
		expect(members(second.id)).toEqual(['Lê Thị Hai', 'Tran Minh Khoi']);
	});

	it('says a twin in the same household is there, and leaves other khu phố and tones alone', async () => {
		const home = await household(8, 'Phạm Văn Tám');
		const tam = { householdId: home.id, fullName: 'PHAM VAN TAM', birthYear: 1960, consent };
		expect(await createResident(store, officer, tam)).toMatchObject({
			status: 409,
			message:
				'Khu phố này đã có người cùng họ tên và năm sinh: Phạm Văn Tám (1960), ngay trong hộ này.'
		});
		// Phạm Văn Tâm is another name; Phạm Văn Tám of another khu phố is another person's.
		const tam2 = await createResident(store, officer, { ...tam, fullName: 'Phạm Văn Tâm' });
		expect(tam2.ok).toBe(true);
		const elsewhere = await household(7, 'Võ Thị Bảy');
		const other = await createResident(store, officer, {
			...tam,
			fullName: 'Phạm Văn Tám',
			householdId: elsewhere.id
		});
		expect(other.ok).toBe(true);
	});
});

describe('POST /api/households (createHousehold)', () => {
	it('refuses the same household again (same address and head), naming the one there', async () => {
		const address = `Số ${++serial}, ngõ Bàng`;
		const first = await createHousehold(store, officer, {
			neighborhoodId: 4,
			address: `${address}, Khu phố 4`,
			headName: 'Hà Văn Bàng'
		});
		if (!first.ok) throw new Error(first.message);
		const again = await createHousehold(store, officer, {
			neighborhoodId: 4,
			address: address.toUpperCase(),
			headName: 'Ha Van Bang'
		});
		expect(again).toEqual({
			ok: false,
			status: 409,
			reason: 'duplicate_household',
			message: `Khu phố này đã có hộ của Hà Văn Bàng ở địa chỉ này (hộ số ${first.value.id}). Xin thêm người vào hộ đó.`
		});
		// Another family at the same address is another household; so is one said to be.
		const beside = await createHousehold(store, officer, {
			neighborhoodId: 4,
			address,
			headName: 'Hà Thị Bàng'
		});
		expect(beside.ok).toBe(true);
		const allowed = await createHousehold(store, officer, {
			neighborhoodId: 4,
			address,
			headName: 'Hà Văn Bàng',
			allowDuplicate: true
		});
		expect(allowed.ok).toBe(true);
	});
});

describe('importing a list', () => {
	const csv = (address: string, rows: string[], khu = 5) =>
		Buffer.from(
			[
				'Họ và tên,Năm sinh,Địa chỉ,Khu phố',
				...rows.map((r) => `${r},"${address}",Khu phố ${khu}`)
			].join('\n')
		);
	const run = (bytes: Buffer, dryRun: boolean) =>
		importResidents(store, officer, { name: 'ds.csv', bytes }, { dryRun, consent });

	it('imports Hương beside a stored Hường, and flags "Do Thi Huong" as likely the same', async () => {
		// Khu phố 6: the tests above left a Hương born 1950 in Khu phố 5.
		const { id, address } = await hoaHousehold(6);
		const bytes = csv(address, ['Đỗ Thị Hương,1950', 'Do Thi Huong,1950', 'Đỗ Thị Hường,1950'], 6);
		const preview = await run(bytes, true);
		expect(preview.ok && preview.value.rows.map((r) => r.kind)).toEqual([
			'ok',
			'duplicate',
			'duplicate'
		]);
		const done = await run(bytes, false);
		expect(done.ok && done.value.imported).toBe(1);
		expect(done.ok && done.value.duplicates.map((d) => d.row)).toEqual([3, 4]);
		expect(members(id)).toEqual(['Đỗ Thị Hường', 'Đỗ Thị Hương']);
	});

	it("finds the household whose stored address ends with its khu phố's name", async () => {
		const address = `Số ${++serial}, tổ 7, đường Lê Lợi`;
		const made = await createHousehold(store, officer, {
			neighborhoodId: 7,
			address: `${address}, Khu phố 7`,
			headName: 'Phan Văn Tám'
		});
		if (!made.ok) throw new Error(made.message);
		expect(
			(
				await createResident(store, officer, {
					householdId: made.value.id,
					fullName: 'Phan Văn Tám',
					birthYear: 1955,
					consent
				})
			).ok
		).toBe(true);
		const bytes = csv(address, ['Phan Văn Tám,1955', 'Phan Thị Chín,1960'], 7);
		const done = await run(bytes, false);
		expect(done.ok && done.value.rows.map((r) => [r.kind, r.message])).toEqual([
			['duplicate', 'Đã có người cùng tên, năm sinh trong hộ này: đã bỏ qua.'],
			['ok', '']
		]);
		// The new member joined the stored household: no second one with the same address.
		expect(members(made.value.id)).toEqual(['Phan Văn Tám', 'Phan Thị Chín']);
	});

	it('skips the same name and year living in another household of the khu phố, saying where', async () => {
		const { address } = await hoaHousehold(8);
		const bytes = csv(`Số ${++serial} đường Khác`, ['Đỗ Thị Hường,1950', 'Đỗ Thị Hường,1951'], 8);
		const preview = await run(bytes, true);
		expect(preview.ok && preview.value.rows.map((r) => [r.kind, r.message])).toEqual([
			[
				'duplicate',
				`Đã có người cùng tên, năm sinh ở ${address}, Khu phố 8: sẽ bỏ qua. Nếu là người khác, xin thêm người này ở trang của hộ.`
			],
			['ok', '']
		]);
	});

	it('skips a namesake of an earlier row living elsewhere in the khu phố, as if stored', async () => {
		const rows = [
			`Lý Văn Trùng,1980,"Số ${++serial}, Hai Bà Trưng",Khu phố 7`,
			`Lý Văn Trùng,1980,"Số ${++serial}, Hai Bà Trưng",Khu phố 7`,
			`Lý Văn Trùng,1981,"Số ${serial}, Hai Bà Trưng",Khu phố 7`
		];
		const bytes = Buffer.from(['Họ và tên,Năm sinh,Địa chỉ,Khu phố', ...rows].join('\n'));
		const preview = await run(bytes, true);
		expect(preview.ok && preview.value.rows.map((r) => [r.kind, r.message])).toEqual([
			['ok', ''],
			[
				'duplicate',
				`Cùng tên, năm sinh với một dòng phía trên (ở Số ${serial - 1}, Hai Bà Trưng, Khu phố 7): sẽ bỏ qua.`
			],
			['ok', '']
		]);
	});

	it('replays an import journaled before the khu phố rule by the address as it was folded then', async () => {
		const address = `Số ${++serial} đường Cũ`;
		const made = await createHousehold(store, officer, {
			neighborhoodId: 7,
			address: `${address}, Khu phố 7`,
			headName: 'Lò Văn Cũ'
		});
		if (!made.ok) throw new Error(made.message);
		const payload = (addressRule?: 'khu-pho'): ImportPayload => ({
			rows: [
				{
					row: 2,
					neighborhoodId: 7,
					address,
					headName: 'Lò Văn Cũ',
					fullName: `Lò Văn ${addressRule ? 'Mới' : 'Cũ'}`,
					birthYear: 1970,
					phone: null,
					relationship: '',
					cardCode: `THSTEST${serial}${addressRule ?? 'OLD'}`
				}
			],
			consent: { method: 'paper', takenBy: 'Cán bộ phường', at: Date.UTC(2026, 10, 25) },
			fileName: 'cu.csv',
			nameRule: 'tones',
			...(addressRule ? { addressRule } : {})
		});
		await store.write('import.residents', payload(), officer.id);
		await store.write('import.residents', payload('khu-pho'), officer.id);
		// Before the rule the list's address was another household; now it is the stored one.
		expect(members(made.value.id)).toEqual(['Lò Văn Mới']);
		expect(
			store.db.value('SELECT count(*) FROM households WHERE neighborhood_id = 7 AND address = ?', [
				address
			])
		).toBe(1);
	});

	it('within one file: two tones are two people, a name without diacritics repeats one', async () => {
		const address = `Số ${++serial} ngõ Hoa Sữa`;
		const bytes = csv(address, [
			'Lý Thị Hương,1950',
			'Lý Thị Hường,1950',
			'Ly Thi Huong,1950',
			'Lý Thị Thuỷ,1960',
			'Lý Thị Thủy,1960'
		]);
		const done = await run(bytes, false);
		expect(done.ok && done.value.rows.map((r) => r.kind)).toEqual([
			'ok',
			'ok',
			'duplicate',
			'ok',
			'duplicate'
		]);
		expect(done.ok && done.value.duplicates[0].message).toBe(
			'Cùng tên, năm sinh và hộ với một dòng phía trên: đã bỏ qua.'
		);
		// As the page shows the row: "trùng" once, not "Có thể trùng: Trùng với…".
		const shown = done.ok ? rowLine(done.value.rows[2], false, false) : '';
		expect(shown).toBe('Có thể trùng: Cùng tên, năm sinh và hộ với một dòng phía trên: đã bỏ qua.');
		expect(shown.match(/trùng/gi)).toHaveLength(1);
		expect(done.ok && done.value.imported).toBe(3);
	});

	it('replays an import journaled before this rule as it ran (same folded name)', async () => {
		const { id, address } = await hoaHousehold();
		const payload = (nameRule?: 'tones'): ImportPayload => ({
			rows: [
				{
					row: 2,
					neighborhoodId: 5,
					address,
					headName: 'Đỗ Thị Hường',
					fullName: 'Đỗ Thị Hương',
					birthYear: 1950,
					phone: null,
					relationship: '',
					cardCode: `THSTEST${serial}${nameRule ?? 'OLD'}`
				}
			],
			consent: { method: 'paper', takenBy: 'Cán bộ phường', at: Date.UTC(2026, 10, 25) },
			fileName: 'cu.csv',
			...(nameRule ? { nameRule } : {})
		});
		const old = await store.write<{ imported: number; duplicates: number[] }>(
			'import.residents',
			payload(),
			officer.id
		);
		expect(old).toEqual({ imported: 0, duplicates: [2] });
		const now = await store.write<{ imported: number }>(
			'import.residents',
			payload('tones'),
			officer.id
		);
		expect(now.imported).toBe(1);
		expect(members(id)).toEqual(['Đỗ Thị Hường', 'Đỗ Thị Hương']);
	});
});
