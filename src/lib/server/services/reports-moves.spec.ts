import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor';
import { opHandlers } from '../ops';
import { Store } from '../store/store';
import type { Scope } from './coverage';
import { recordMilestone } from './milestones';
import { eraseResident } from './privacy';
import { at, D, loadFixture, NOW } from './reports.fixture';
import { dailyReport } from './reports';
import { sessionsAndAttendance } from './reports-dashboard';
import { moveResident } from './resident-edit';

/**
 * A resident who moves to another household does not rewrite past reports: the 25/11 report
 * says what was true on 25/11. The fixture's ward (reports.fixture.ts): on D = 25/11 R4 (H2
 * "Số 2", Khu phố 1) came at 14:05, R5 (H2) earned three milestones, R7 (H4, Khu phố 2) came.
 */
const officer: Actor = {
	id: 1,
	username: 'u1',
	displayName: 'Cán bộ phường',
	role: 'officer',
	neighborhoodId: null
};
const KP1: Scope = { neighborhoodId: 1, name: 'Khu phố 1', ward: 'Phường Hà Tu' };
const KP2: Scope = { neighborhoodId: 2, name: 'Khu phố 2', ward: 'Phường Hà Tu' };
const WARD: Scope = { neighborhoodId: null, name: 'Toàn phường', ward: 'Phường Hà Tu' };
const H1 = 'Số 1, tổ 1, Khu phố 1';
const H2 = 'Số 2, tổ 1, Khu phố 1';
const H4 = 'Số 4, tổ 1, Khu phố 2';

let dir: string;
let store: Store;
let clock = NOW;
const handlers = {
	...opHandlers,
	'fixture.load': (db: Parameters<(typeof opHandlers)[string]>[0]) => loadFixture(db),
	// A check-in as the kiosk writes it: the khu phố recorded with it is the person's then.
	'fixture.checkin': (
		db: Parameters<(typeof opHandlers)[string]>[0],
		p: { resident: number; nb: number; at: number }
	) => {
		const session = db.run(
			"INSERT INTO class_sessions (title, topic, place, neighborhood_id, starts_at, opened_by) VALUES ('Buổi sau', 'dich-vu-cong', 'Nhà văn hoá', ?, ?, 4)",
			[p.nb, p.at]
		).lastId;
		db.run(
			"INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, volunteer_id, nonce) VALUES (?, ?, ?, ?, 'camera', 4, ?)",
			[session, p.resident, p.nb, p.at, `mv-${p.resident}-${p.at}`]
		);
	}
};
const open = () => Store.open({ dir, handlers, log: () => {}, now: () => clock });

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'ths-reports-moves-'));
	store = await open();
	await store.write('fixture.load', {});
	for (const skill of ['M4', 'M5', 'M7']) {
		expect((await recordMilestone(store, officer, 5, { skill, evidence: 'real' }, NOW)).ok).toBe(
			true
		);
	}
});
afterAll(() => store.close());

/** Moves resident `id` into household `to` at Vietnam time `hhmm` of `day`. */
async function move(id: number, to: number, day: string, hhmm = '09:00') {
	clock = at(day, hhmm);
	const moved = await moveResident(store, officer, id, to);
	expect(moved.ok).toBe(true);
}
const addresses = (day: string, scope: Scope) =>
	sessionsAndAttendance(store, day, scope).attendance.map((a) => [a.name, a.address]);
const counts = (day: string, scope: Scope) => {
	const r = dailyReport(store, day, scope);
	return {
		attendees: r.attendees,
		households: r.households,
		milestones: r.newMilestonesTotal,
		helped: r.helped
	};
};

describe('a past day after a resident moved', () => {
	let before: Record<string, ReturnType<typeof counts>>;
	let beforeAddresses: string[][];

	it('stays as it was when R4 and R5 move from H2 (Khu phố 1) to H4 (Khu phố 2)', async () => {
		before = { kp1: counts(D, KP1), kp2: counts(D, KP2), ward: counts(D, WARD) };
		expect(before).toMatchObject({
			kp1: { attendees: 4, households: 2, milestones: 4 },
			kp2: { attendees: 2, households: 2, milestones: 1 },
			ward: { attendees: 6, households: 4, milestones: 5 }
		});
		beforeAddresses = addresses(D, KP1);
		expect(beforeAddresses).toContainEqual(['Lê Thị Bốn', H2]);
		await move(4, 4, '2026-11-27');
		await move(5, 4, '2026-11-27', '09:05');
		// Without the moves kept, the ward counted R4's 25/11 check-in in H4 with R7's (3
		// households), "Ai đã đến" gave her new address, and R5's milestones left Khu phố 1.
		expect({ kp1: counts(D, KP1), kp2: counts(D, KP2), ward: counts(D, WARD) }).toEqual(before);
		expect(addresses(D, KP1)).toEqual(beforeAddresses);
		// Her check-in keeps the khu phố recorded with it: not in Khu phố 2's 25/11.
		expect(addresses(D, KP2).map(([name]) => name)).not.toContain('Lê Thị Bốn');
	});

	it('counts a day after the move in the new household', async () => {
		const day = '2026-11-28';
		clock = at(day, '10:00');
		await store.write('fixture.checkin', { resident: 4, nb: 2, at: at(day, '08:00') });
		await store.write('fixture.checkin', { resident: 7, nb: 2, at: at(day, '08:01') });
		expect(addresses(day, KP2)).toEqual([
			['Lê Thị Bốn', H4],
			['Đỗ Văn Bảy', H4]
		]);
		expect(counts(day, KP2)).toMatchObject({ attendees: 2, households: 1 });
	});

	it('gives each day the household of that day when someone moved twice', async () => {
		// R1 (H1) came on 25/11; moves to H2 on 29/11, comes on 30/11; moves to H4 on 1/12, comes.
		await move(1, 2, '2026-11-29');
		await store.write('fixture.checkin', { resident: 1, nb: 1, at: at('2026-11-30', '08:00') });
		await move(1, 4, '2026-12-01');
		await store.write('fixture.checkin', { resident: 1, nb: 2, at: at('2026-12-01', '10:00') });
		expect(addresses(D, KP1).filter(([name]) => name === 'Trần Văn Một')).toEqual([
			['Trần Văn Một', H1],
			['Trần Văn Một', H1]
		]);
		expect(addresses('2026-11-30', KP1)).toEqual([['Trần Văn Một', H2]]);
		expect(addresses('2026-12-01', KP2)).toEqual([['Trần Văn Một', H4]]);
		expect({ kp1: counts(D, KP1), ward: counts(D, WARD) }).toEqual({
			kp1: before.kp1,
			ward: before.ward
		});
	});

	it('replays the moves from the journal to the same reports', async () => {
		const report = { kp1: counts(D, KP1), ward: counts(D, WARD), list: addresses(D, KP1) };
		store.close();
		store = await open();
		expect(store.db.value('SELECT count(*) FROM resident_moves')).toBe(4);
		expect({ kp1: counts(D, KP1), ward: counts(D, WARD), list: addresses(D, KP1) }).toEqual(report);
	});

	it('keeps counting an erased mover as one person and one household, and forgets the moves', async () => {
		clock = at('2026-12-02', '09:00');
		await eraseResident(store, officer, 4, 'test');
		expect(store.db.value('SELECT count(*) FROM resident_moves WHERE resident_id = 4')).toBe(0);
		expect({ kp1: counts(D, KP1), kp2: counts(D, KP2), ward: counts(D, WARD) }).toEqual(before);
		expect(addresses(D, KP1)).toContainEqual(['(đã xoá theo yêu cầu)', '']);
	});

	it('still counts a mover’s milestone in a khu phố when the household they left is erased', async () => {
		// R1 left H1 (test above); R2 and R3, its last members, are erased: H1 is deleted.
		for (const id of [2, 3]) await eraseResident(store, officer, id, 'test');
		expect(store.db.value('SELECT count(*) FROM households WHERE id = 1')).toBe(0);
		const [kp1, kp2, ward] = [KP1, KP2, WARD].map((s) => counts(D, s).milestones);
		expect(kp1 + kp2).toBe(ward);
	});
});
