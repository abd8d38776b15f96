import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor';
import { addressLine } from '../../domain/checkin-people';
import { personalData } from '../repositories/privacy';
import { searchResidents } from '../repositories/residents';
import type { Store } from '../store/store';
import { actorNamed, demoStore } from './privacy.testing';
import { moveResident, updateResident } from './resident-edit';
import { checkPerson, createHousehold, createResident, viewResident } from './residents';

/** Correcting a saved resident (the resident page's "Sửa thông tin", PATCH /api/residents/:id). */
let store: Store;
let volunteer: Actor;
beforeAll(async () => {
	store = await demoStore();
	volunteer = actorNamed(store, 'tinhnguyen1');
});
afterAll(() => store.close());

const consent = { method: 'paper', takenBy: 'Tình nguyện viên 1' };
let serial = 0;

/** A household of Khu phố `khu` headed by `head` (1950), and a member `name` (1955, "Chồng"). */
async function family(name: string, khu = 3, head = `Lại Thị Vợ ${'ABCDEFGH'[serial % 8]}`) {
	const address = `Số ${++serial} ngõ Sửa Tên`;
	const made = await createHousehold(store, volunteer, {
		neighborhoodId: khu,
		address,
		headName: head
	});
	if (!made.ok) throw new Error(made.message);
	const add = async (fullName: string, birthYear: number, relationship: string) => {
		const r = await createResident(store, volunteer, {
			householdId: made.value.id,
			fullName,
			birthYear,
			relationship,
			consent
		});
		if (!r.ok) throw new Error(r.message);
		return r.value;
	};
	const headPerson = await add(head, 1950, 'Chủ hộ');
	return { household: made.value, head: headPerson, member: await add(name, 1955, 'Chồng') };
}

const lastAudit = (id: number) =>
	store.db.get<{ action: string; detail: string }>(
		"SELECT action, detail FROM audit_log WHERE subject = ? AND action = 'resident.update' ORDER BY id DESC LIMIT 1",
		[`resident:${id}`]
	);
const found = (q: string) => searchResidents(store.db, q).map((r) => r.fullName);

describe('updateResident', () => {
	it('corrects a name typed without diacritics: stored in NFC, found by the new name, audited without names', async () => {
		const { member } = await family('Quan Van Bin');
		expect(found('quan van binh')).not.toContain('Quản Văn Bình');
		const typed = 'Quản Văn Bình'.normalize('NFD');
		const fixed = await updateResident(store, volunteer, member.id, {
			fullName: typed,
			birthYear: '1956',
			relationship: 'Chủ hộ'
		});
		expect(fixed).toMatchObject({
			ok: true,
			value: { id: member.id, fullName: 'Quản Văn Bình', birthYear: 1956, relationship: 'Chủ hộ' }
		});
		const stored = store.db.get<{ full_name: string; name_folded: string }>(
			'SELECT full_name, name_folded FROM residents WHERE id = ?',
			[member.id]
		);
		expect(stored).toEqual({
			full_name: 'Quản Văn Bình'.normalize('NFC'),
			name_folded: 'quan van binh'
		});
		expect(found('quan van binh')).toContain('Quản Văn Bình');
		expect(found('Bình')).toContain('Quản Văn Bình');
		const audit = lastAudit(member.id);
		expect(audit?.detail).toBe(
			'Họ tên: đổi tên khác; Năm sinh: 1955 → 1956; Quan hệ với chủ hộ: “Chồng” → “Chủ hộ”'
		);
		expect(audit?.detail).not.toMatch(/Bin\b|Quản/);
	});

	it('refuses with the words of registering, changes nothing, and writes no audit row', async () => {
		const { member } = await family('Đặng Văn Sai');
		const audits = () =>
			store.db.value<number>("SELECT count(*) FROM audit_log WHERE action = 'resident.update'");
		const before = audits();
		const now = Date.now();
		const bad = { fullName: 'Đặng 3', birthYear: '2099', phone: '12345' };
		const refused = await updateResident(store, volunteer, member.id, bad, { now });
		expect(refused).toEqual(checkPerson({ ...bad, relationship: 'Chồng' }, now));
		expect(refused).toMatchObject({
			status: 400,
			problems: [{ field: 'fullName' }, { field: 'birthYear' }, { field: 'phone' }]
		});
		expect(await updateResident(store, volunteer, member.id, { nickname: 'x' })).toMatchObject({
			status: 400,
			reason: 'nothing_to_change'
		});
		// The same values again: nothing to write.
		expect(
			(await updateResident(store, volunteer, member.id, { fullName: 'Đặng Văn Sai' })).ok
		).toBe(true);
		expect(audits()).toBe(before);
		expect((await viewResident(store, volunteer, member.id)).ok && found('dang van sai')).toContain(
			'Đặng Văn Sai'
		);
	});

	it('adds, changes and removes the phone, saying which without the number', async () => {
		const { member } = await family('Hồ Văn Điện');
		await updateResident(store, volunteer, member.id, { phone: '0912 345 678' });
		expect(lastAudit(member.id)?.detail).toBe('Số điện thoại: thêm');
		const cleared = await updateResident(store, volunteer, member.id, { phone: null });
		expect(cleared).toMatchObject({ ok: true, value: { phone: null } });
		expect(lastAudit(member.id)?.detail).toBe('Số điện thoại: bỏ');
	});

	it('asks before making them a likely duplicate of someone of the khu phố', async () => {
		const { household: first } = await family('Trần Minh Khôi');
		store.db.run('UPDATE residents SET birth_year = 2014 WHERE full_name = ?', ['Trần Minh Khôi']);
		const { member } = await family('Tran Minh Khoa');
		const asked = await updateResident(store, volunteer, member.id, {
			fullName: 'Tran Minh Khoi',
			birthYear: 2014
		});
		expect(asked).toMatchObject({
			ok: false,
			status: 409,
			reason: 'duplicate',
			twins: [{ householdId: first.id, fullName: 'Trần Minh Khôi', birthYear: 2014 }]
		});
		expect(store.db.value('SELECT full_name FROM residents WHERE id = ?', [member.id])).toBe(
			'Tran Minh Khoa'
		);
		const confirmed = await updateResident(store, volunteer, member.id, {
			fullName: 'Tran Minh Khoi',
			birthYear: 2014,
			allowDuplicate: true,
			// 2014 makes a child: their guardian consents with the correction (below).
			consent: { method: 'guardian', takenBy: 'Tình nguyện viên 1', guardianName: 'Trần Văn Bố' }
		});
		expect(confirmed.ok).toBe(true);
	});

	it('stores an Ê Đê name typed with an iPhone’s apostrophe with the straight one, found by each word', async () => {
		// An iPhone types ’ (U+2019): it was refused as "not letters" on every form.
		const { household, head, member } = await family('H’Hen Niê', 6, 'Y‘Moan Êban');
		expect([head.fullName, household.headName, member.fullName]).toEqual([
			"Y'Moan Êban",
			"Y'Moan Êban",
			"H'Hen Niê"
		]);
		const fixed = await updateResident(store, volunteer, member.id, { fullName: 'HʼHen Niê Ksor' });
		expect(fixed).toMatchObject({ ok: true, value: { fullName: "H'Hen Niê Ksor" } });
		for (const q of ['hen', "H'Hen", 'H’Hen Niê']) expect(found(q), q).toContain("H'Hen Niê Ksor");
		expect(found('moan')).toContain("Y'Moan Êban");
	});

	it('says what is wrong with a new household’s address and head, not only that they are wrong', async () => {
		const made = (address: string, headName: string) =>
			createHousehold(store, volunteer, { neighborhoodId: 3, address, headName });
		expect(
			await made('Số 14, hẻm 27/5, đường Nguyễn Thị Minh Khai '.repeat(6), 'Lê Văn Dài')
		).toMatchObject({
			status: 400,
			reason: 'invalid_address',
			message: 'Địa chỉ quá dài (tối đa 200 ký tự).'
		});
		expect(await made('', 'Lê Văn Dài')).toMatchObject({
			reason: 'invalid_address',
			message: 'Thiếu địa chỉ.'
		});
		expect(await made('Số 3 ngõ Dài', 'Lê Văn 😀')).toMatchObject({
			reason: 'invalid_name',
			message: 'Họ tên chủ hộ có ký tự không dùng được: “😀”.'
		});
	});

	it("corrects the household's head name with the head's own", async () => {
		const { household, head } = await family('Vũ Văn Con', 4, 'Vu Thi Chu');
		await updateResident(store, volunteer, head.id, { fullName: 'Vũ Thị Chủ' });
		expect(store.db.value('SELECT head_name FROM households WHERE id = ?', [household.id])).toBe(
			'Vũ Thị Chủ'
		);
		expect(lastAudit(head.id)?.detail).toBe('Họ tên: sửa dấu hoặc chữ hoa; cũng là tên chủ hộ');
	});

	it('refuses someone who withdrew consent, and a head another khu phố’s person', async () => {
		const { member } = await family('Mai Văn Rút', 5);
		await store.write(
			'consent.withdraw',
			{ residentId: member.id, note: '', device: '' },
			volunteer.id
		);
		expect(
			await updateResident(store, volunteer, member.id, { fullName: 'Mai Văn Rút Lại' })
		).toMatchObject({
			status: 409,
			reason: 'consent_withdrawn',
			message: expect.stringContaining('đã rút lại sự đồng ý')
		});
		const { member: other } = await family('Mai Văn Khác', 5);
		expect(
			await updateResident(store, actorNamed(store, 'truongkhu2'), other.id, { birthYear: 1956 })
		).toMatchObject({
			status: 403,
			reason: 'forbidden'
		});
		expect(
			(await updateResident(store, actorNamed(store, 'truongkhu5'), other.id, { birthYear: 1956 }))
				.ok
		).toBe(true);
		expect(await updateResident(store, volunteer, 99_999_999, { birthYear: 1956 })).toMatchObject({
			status: 404
		});
	});
});

describe('a birth year corrected to a child’s', () => {
	const consents = (id: number) =>
		store.db.all<{ method: string; guardian_name: string | null }>(
			'SELECT method, guardian_name FROM consents WHERE resident_id = ? ORDER BY id',
			[id]
		);
	const thisYear = new Date().getFullYear();

	it('asks for a guardian’s consent, then stores both in one op and audits it without the guardian', async () => {
		const { member } = await family('Lò Văn Nhỏ', 3, 'Lò Thị Chủ Một');
		const child = thisYear - 10;
		const refused = await updateResident(store, volunteer, member.id, { birthYear: child });
		expect(refused).toMatchObject({
			status: 400,
			reason: 'consent_renewal_required',
			problems: [{ field: 'consentMethod', reason: 'consent_renewal_required' }]
		});
		expect(!refused.ok && refused.message).toMatch(
			new RegExp(
				`^Sinh năm ${child} thì ngày đồng ý \\(\\d\\d/\\d\\d/\\d{4}\\) người này chưa đủ 18 tuổi: cần ghi lại sự đồng ý của người giám hộ`
			)
		);
		expect(store.db.value('SELECT birth_year FROM residents WHERE id = ?', [member.id])).toBe(1955);

		// The person's own consent again will not do; a guardian's without a name neither.
		expect(
			await updateResident(store, volunteer, member.id, { birthYear: child, consent })
		).toMatchObject({ status: 400, reason: 'guardian_required' });
		expect(
			await updateResident(store, volunteer, member.id, {
				birthYear: child,
				consent: { method: 'guardian', takenBy: 'Tình nguyện viên 1' }
			})
		).toMatchObject({ status: 400, reason: 'guardian_name_required' });
		expect(consents(member.id)).toEqual([{ method: 'paper', guardian_name: null }]);

		const fixed = await updateResident(store, volunteer, member.id, {
			birthYear: child,
			consent: { method: 'guardian', takenBy: 'Tình nguyện viên 1', guardianName: 'Lò Thị Mẹ' }
		});
		expect(fixed).toMatchObject({ ok: true, value: { birthYear: child } });
		expect(consents(member.id)).toEqual([
			{ method: 'paper', guardian_name: null },
			{ method: 'guardian', guardian_name: 'Lò Thị Mẹ' }
		]);
		const audit = lastAudit(member.id)!.detail;
		expect(audit).toContain(
			'ghi lại sự đồng ý: người giám hộ đồng ý, do Tình nguyện viên 1 ghi nhận'
		);
		expect(audit).not.toContain('Lò Thị Mẹ');
		// Now a guardian's consent: later corrections of the year need nothing more.
		expect((await updateResident(store, volunteer, member.id, { birthYear: child + 1 })).ok).toBe(
			true
		);
	});

	it('asks an adult who was a child when they consented for their own consent again', async () => {
		const { member } = await family('Lò Văn Lớn', 3, 'Lò Thị Chủ Hai');
		// Consented as a 16-year-old ten years ago, by the corrected year.
		store.db.run('UPDATE consents SET taken_at = ? WHERE resident_id = ?', [
			Date.UTC(thisYear - 10, 5, 1),
			member.id
		]);
		const year = thisYear - 26;
		const refused = await updateResident(store, volunteer, member.id, { birthYear: year });
		expect(refused).toMatchObject({ reason: 'consent_renewal_required' });
		expect(!refused.ok && refused.message).not.toContain('người giám hộ');
		const fixed = await updateResident(store, volunteer, member.id, { birthYear: year, consent });
		expect(fixed.ok).toBe(true);
		expect(consents(member.id).map((c) => c.method)).toEqual(['paper', 'paper']);
	});

	it('needs nothing when the new year still makes them an adult at their consent', async () => {
		const { member } = await family('Lò Văn Vừa', 3, 'Lò Thị Chủ Ba');
		expect((await updateResident(store, volunteer, member.id, { birthYear: 1960 })).ok).toBe(true);
		expect(consents(member.id)).toHaveLength(1);
	});
});

describe('moveResident', () => {
	const audits = (id: number) =>
		store.db.all<{ detail: string }>(
			"SELECT detail FROM audit_log WHERE subject = ? AND action = 'resident.move' ORDER BY id",
			[`resident:${id}`]
		);

	it('moves a person to another khu phố’s household, kept as a move and audited by khu phố only', async () => {
		const { member, household: from } = await family('Đào Văn Chuyển', 3, 'Đào Thị Chủ Một');
		const { household: to } = await family('Đào Thị Đón', 6, 'Đào Văn Chủ Hai');
		const moved = await moveResident(store, volunteer, member.id, String(to.id));
		expect(moved).toMatchObject({
			ok: true,
			value: { id: member.id, householdId: to.id, neighborhoodId: 6, address: to.address }
		});
		expect(
			store.db.get(
				'SELECT from_household_id, to_household_id FROM resident_moves WHERE resident_id = ?',
				[member.id]
			)
		).toEqual({ from_household_id: from.id, to_household_id: to.id });
		expect(audits(member.id).map((a) => a.detail)).toEqual([
			'Chuyển sang hộ khác: khu phố 3 → khu phố 6'
		]);
		// Where they lived is theirs: the copy of their data says it (Law 91/2025/QH15).
		expect(personalData(store.db, member.id)?.householdMoves).toEqual([
			{
				at: expect.any(Number),
				from: addressLine(from.address, 'Khu phố 3'),
				to: addressLine(to.address, 'Khu phố 6')
			}
		]);
		// Into the household they live in: nothing written.
		expect((await moveResident(store, volunteer, member.id, to.id)).ok).toBe(true);
		expect(audits(member.id)).toHaveLength(1);
	});

	it('lets a head move people within their own khu phố only', async () => {
		const head3 = actorNamed(store, 'truongkhu3');
		const { member } = await family('Tạ Văn Ở', 3, 'Tạ Thị Chủ Ba');
		const { household: near } = await family('Tạ Thị Gần', 3, 'Tạ Văn Chủ Bốn');
		const { household: far } = await family('Tạ Thị Xa', 4, 'Tạ Văn Chủ Năm');
		expect(await moveResident(store, head3, member.id, far.id)).toMatchObject({
			status: 403,
			reason: 'forbidden',
			message: 'Hộ này không ở khu phố của bạn.'
		});
		expect(await moveResident(store, head3, member.id, near.id)).toMatchObject({ ok: true });
		expect(audits(member.id).map((a) => a.detail)).toEqual(['Chuyển sang hộ khác trong khu phố 3']);
	});

	it('refuses a household that is not there, no household, and someone who withdrew consent', async () => {
		const { member } = await family('Lò Văn Đi', 5, 'Lò Thị Chủ Sáu');
		expect(await moveResident(store, volunteer, member.id, 999999)).toMatchObject({
			status: 404,
			reason: 'unknown_household'
		});
		expect(await moveResident(store, volunteer, member.id, '')).toMatchObject({
			status: 400,
			reason: 'invalid'
		});
		const { household: to } = await family('Lò Thị Đến', 5, 'Lò Văn Chủ Bảy');
		await store.write('consent.withdraw', { residentId: member.id, note: '', device: '' }, 1);
		expect(await moveResident(store, volunteer, member.id, to.id)).toMatchObject({
			status: 409,
			reason: 'consent_withdrawn'
		});
		expect(
			store.db.value('SELECT count(*) FROM resident_moves WHERE resident_id = ?', [member.id])
		).toBe(0);
	});
});
