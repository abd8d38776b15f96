import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { coverageReport } from './coverage';
import {
	createNeighborhood,
	listNeighborhoodSummaries,
	mergeNeighborhoods,
	renameNeighborhood
} from './neighborhoods';
import { actorNamed, clock, demoStore } from './privacy.testing';
import { dailyReport, dailyReportRows } from './reports';
import { vnDay } from '../../domain/time';

let store: Store;
beforeAll(async () => {
	store = await demoStore();
});
afterAll(() => store.close());

const officer = () => actorNamed(store, 'quantri');
const audited = (action: string) =>
	store.db.all<{ subject: string; detail: string }>(
		'SELECT subject, detail FROM audit_log WHERE action = ? ORDER BY id',
		[action]
	);

describe('khu phố, as the ward officer manages them', () => {
	it('lists each khu phố with its households, residents and active heads', () => {
		const list = listNeighborhoodSummaries(store);
		expect(list.map((n) => n.name)).toEqual(
			Array.from({ length: 8 }, (_, i) => `Khu phố ${i + 1}`)
		);
		expect(list[0].households).toBe(50);
		expect(list[0].residents).toBeGreaterThan(list[0].households);
		expect(list[0].heads).toHaveLength(1);
	});

	it('adds a khu phố last in the list, in NFC, and logs it', async () => {
		const made = await createNeighborhood(store, officer(), { name: '  Khu phô\u0301   9 ' });
		expect(made).toEqual({ ok: true, value: { id: expect.any(Number), name: 'Khu phố 9' } });
		const last = listNeighborhoodSummaries(store).at(-1)!;
		expect(last).toEqual({
			id: made.ok && made.value.id,
			name: 'Khu phố 9',
			households: 0,
			residents: 0,
			heads: []
		});
		expect(audited('neighborhood.create').at(-1)).toEqual({
			subject: `neighborhood:${last.id}`,
			detail: 'Khu phố 9'
		});
	});

	it('refuses a name that only differs in case, diacritics or spacing, and a bad one', async () => {
		const before = listNeighborhoodSummaries(store).length;
		expect(await createNeighborhood(store, officer(), { name: 'khu pho 9' })).toMatchObject({
			ok: false,
			status: 409,
			reason: 'name_taken',
			message: 'Đã có “Khu phố 9”.'
		});
		expect(await createNeighborhood(store, officer(), { name: 'Khu phố 9 🌸' })).toMatchObject({
			ok: false,
			reason: 'invalid_name',
			message:
				'Tên khu phố chỉ gồm chữ, số, dấu cách và các dấu . , ( ) / - (không dùng biểu tượng).'
		});
		// Markup is refused in words, not saved with its < and > taken out ("bx/b").
		expect(await createNeighborhood(store, officer(), { name: '<b>x</b>' })).toMatchObject({
			ok: false,
			reason: 'invalid_name',
			message:
				'Tên khu phố chỉ gồm chữ, số, dấu cách và các dấu . , ( ) / - (không dùng biểu tượng).'
		});
		for (const name of ['', 'x', 'K'.repeat(61), 42]) {
			expect(await createNeighborhood(store, officer(), { name })).toMatchObject({
				ok: false,
				status: 400,
				reason: 'invalid_name'
			});
		}
		expect(listNeighborhoodSummaries(store)).toHaveLength(before);
	});

	it('refuses a look-alike of a name (full-width letters, compatibility forms)', async () => {
		const wide = await createNeighborhood(store, officer(), { name: 'Ｋhu phố １１' });
		expect(wide).toEqual({ ok: true, value: { id: expect.any(Number), name: 'Khu phố 11' } });
		expect(await createNeighborhood(store, officer(), { name: 'Khu phố 11' })).toMatchObject({
			ok: false,
			status: 409,
			reason: 'name_taken'
		});
		expect(await createNeighborhood(store, officer(), { name: 'Khu phố Ⅻ' })).toMatchObject({
			ok: true
		});
		expect(await createNeighborhood(store, officer(), { name: 'Khu phố XII' })).toMatchObject({
			ok: false,
			status: 409,
			message: 'Đã có “Khu phố Ⅻ”.'
		});
	});

	it('renames a khu phố; its households stay with it; another one’s name is refused', async () => {
		const kp2 = listNeighborhoodSummaries(store)[1];
		expect(
			await renameNeighborhood(store, officer(), kp2.id, { name: 'Khu phố 2 (Bến Đò)' })
		).toEqual({ ok: true, value: { id: kp2.id, name: 'Khu phố 2 (Bến Đò)', changed: true } });
		const after = listNeighborhoodSummaries(store)[1];
		expect(after).toMatchObject({
			id: kp2.id,
			name: 'Khu phố 2 (Bến Đò)',
			households: kp2.households
		});
		expect(audited('neighborhood.rename').at(-1)!.detail).toBe('Khu phố 2 → Khu phố 2 (Bến Đò)');
		// Saved unchanged: nothing to log.
		const renames = audited('neighborhood.rename').length;
		expect(
			await renameNeighborhood(store, officer(), kp2.id, { name: ' Khu phố 2 (Bến Đò) ' })
		).toMatchObject({ ok: true, value: { changed: false } });
		expect(audited('neighborhood.rename')).toHaveLength(renames);
		// Its own name again (say, a capital letter fixed) is not a clash with itself.
		expect(
			(await renameNeighborhood(store, officer(), kp2.id, { name: 'khu phố 2 (bến đò)' })).ok
		).toBe(true);
		expect(await renameNeighborhood(store, officer(), kp2.id, { name: 'Khu phố 1' })).toMatchObject(
			{
				ok: false,
				status: 409,
				reason: 'name_taken'
			}
		);
		expect(await renameNeighborhood(store, officer(), 9999, { name: 'Khu phố 99' })).toMatchObject({
			ok: false,
			status: 404
		});
	});

	it('a khu phố just added has not met its targets: there is nobody to count yet', () => {
		const kp9 = listNeighborhoodSummaries(store).find((n) => n.name === 'Khu phố 9')!;
		const scope = { neighborhoodId: kp9.id, name: kp9.name, ward: 'Phường Hà Tu' };
		const day = vnDay(clock.now);
		const targets = coverageReport(store, day, scope).targets;
		expect(targets.map((t) => [t.metric, t.total, t.met])).toEqual([
			['adults_skilled', 0, null],
			['adults_skilled', 0, null],
			['households_covered', 0, null],
			['pupils', null, null]
		]);
		const versus = dailyReportRows(dailyReport(store, day, scope)).filter((r) =>
			r.section.startsWith('IV')
		);
		// Pupils are counted nowhere, here or anywhere: said so, not "nobody yet".
		expect(versus.map((r) => r.value)).toEqual([
			...Array(3).fill('chưa có ai để tính'),
			'chưa có số liệu trong hệ thống'
		]);
		// A khu phố with people in it still gets its gap.
		const kp1 = { neighborhoodId: 1, name: 'Khu phố 1', ward: 'Phường Hà Tu' };
		expect(coverageReport(store, day, kp1).targets[0].met).toBe(false);
	});

	it('merges one khu phố into another: its people, heads and past go with it', async () => {
		const byName = (name: string) => listNeighborhoodSummaries(store).find((n) => n.name === name)!;
		const [kp7, kp8] = [byName('Khu phố 7'), byName('Khu phố 8')];
		const day = vnDay(clock.now);
		const adults = (id: number, name: string) =>
			coverageReport(store, day, { neighborhoodId: id, name, ward: 'Phường Hà Tu' }).targets[0]
				.total!;
		const checkins = (id: number) =>
			store.db.value<number>('SELECT count(*) FROM attendance WHERE neighborhood_id = ?', [id])!;
		const before = {
			adults: adults(kp7.id, kp7.name) + adults(kp8.id, kp8.name),
			checkins: checkins(kp7.id) + checkins(kp8.id)
		};
		expect(before.checkins).toBeGreaterThan(checkins(kp7.id));

		expect(await mergeNeighborhoods(store, officer(), { from: kp8.id, into: kp7.id })).toEqual({
			ok: true,
			value: { households: kp8.households }
		});
		const merged = byName('Khu phố 7');
		expect(merged).toMatchObject({
			households: kp7.households + kp8.households,
			residents: kp7.residents + kp8.residents,
			heads: [...kp7.heads, ...kp8.heads]
		});
		expect(listNeighborhoodSummaries(store).some((n) => n.id === kp8.id)).toBe(false);
		expect(adults(kp7.id, kp7.name)).toBe(before.adults);
		expect(checkins(kp7.id)).toBe(before.checkins);
		expect(checkins(kp8.id)).toBe(0);
		expect(audited('neighborhood.merge').at(-1)).toEqual({
			subject: `neighborhood:${kp7.id}`,
			detail: `Khu phố 8 → Khu phố 7 (${kp8.households} hộ)`
		});
	});

	it('refuses to merge a khu phố into itself, one that is gone, or none', async () => {
		const kp1 = listNeighborhoodSummaries(store)[0];
		for (const [input, status, reason] of [
			[{ from: kp1.id, into: kp1.id }, 400, 'same_neighborhood'],
			[{ from: 9999, into: kp1.id }, 404, 'not_found'],
			[{ from: '', into: kp1.id }, 400, 'invalid_neighborhood']
		] as const) {
			expect(await mergeNeighborhoods(store, officer(), input)).toMatchObject({
				ok: false,
				status,
				reason
			});
		}
		expect(listNeighborhoodSummaries(store)[0]).toEqual(kp1);
	});
});

describe('the audit rows of khu phố changes', () => {
	it('name the device the officer used, as account changes do', async () => {
		const device = '10.0.0.7 Mozilla/5.0 (X11; Linux x86_64) Chrome/130';
		const made = await createNeighborhood(store, officer(), { name: 'Khu phố Thiết Bị' }, device);
		if (!made.ok) throw new Error(made.message);
		const id = made.value.id;
		await renameNeighborhood(store, officer(), id, { name: 'Khu phố Thiết Bị 2' }, device);
		await mergeNeighborhoods(store, officer(), { from: id, into: 1 }, device);
		const rows = store.db.all<{ action: string; device: string }>(
			`SELECT action, device FROM audit_log WHERE action LIKE 'neighborhood.%'
			 AND (subject = ? OR detail LIKE 'Khu phố Thiết Bị 2 →%') ORDER BY id`,
			[`neighborhood:${id}`]
		);
		expect(rows).toEqual(
			['neighborhood.create', 'neighborhood.rename', 'neighborhood.merge'].map((action) => ({
				action,
				device
			}))
		);
	});
});
