import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnDay } from '../../domain/time';
import { ERASED_HEAD, erasureOps } from '../ops/erasure';
import { dayAttendeesByNeighborhood, dayCounts } from '../repositories/reports';
import type { Store } from '../store/store';
import { auditRead } from './audit';
import { eraseResident, exportResident, withdrawConsent } from './privacy';
import { checkIn, recordCompletion } from './checkin';
import { recordMilestone } from './milestones';
import { createNeighborhood, mergeNeighborhoods } from './neighborhoods';
import { createHousehold, createResident } from './residents';
import { actorNamed, clock, demoStore, footprint } from './privacy.testing';

let store: Store;
beforeAll(async () => {
	store = await demoStore();
});
afterAll(() => store.close());

const DEVICE = '10.0.0.5 vitest';
const count = (sql: string, params: Array<string | number> = []) =>
	store.db.value<number>(sql, params) ?? 0;

/** A resident of khu phố `n` who has attended, holds milestones and is not a household's only member. */
function busyResident(n: number): number {
	const id = store.db.value<number>(
		`SELECT r.id FROM residents r JOIN households h ON h.id = r.household_id
		 WHERE h.neighborhood_id = ?
		   AND (SELECT count(*) FROM attendance a WHERE a.resident_id = r.id) >= 2
		   AND (SELECT count(*) FROM milestones m WHERE m.resident_id = r.id) >= 1
		   AND (SELECT count(*) FROM residents o WHERE o.household_id = r.household_id) >= 2
		   AND r.full_name = h.head_name
		 ORDER BY r.id LIMIT 1`,
		[n]
	);
	if (!id) throw new Error('the demo ward has no such resident');
	return id;
}

describe('export', () => {
	it('holds everything about the person and is audited for officer and own head', async () => {
		const id = busyResident(1);
		const officer = actorNamed(store, 'quantri');
		const data = await exportResident(store, officer, id, 'export', DEVICE);
		expect(data.resident.id).toBe(id);
		expect(data.household.neighborhood).toBe('Khu phố 1');
		expect(data.consents.length).toBeGreaterThan(0);
		expect(data.cards.length).toBeGreaterThan(0);
		expect(data.attendance.length).toBe(
			count('SELECT count(*) FROM attendance WHERE resident_id = ?', [id])
		);
		expect(data.milestones.length).toBe(
			count('SELECT count(*) FROM milestones WHERE resident_id = ?', [id])
		);
		// The export's own access shows in what it returns: the log is part of the person's data.
		expect(data.accessLog.at(-1)).toMatchObject({ action: 'resident.export', device: DEVICE });

		const head = actorNamed(store, 'truongkhu1');
		await exportResident(store, head, id, 'view_data', DEVICE);
		expect(
			count("SELECT count(*) FROM audit_log WHERE subject = ? AND action LIKE 'resident.%'", [
				`resident:${id}`
			])
		).toBe(2);
	});

	it('is refused to a head of another khu phố and to a volunteer, and not audited', async () => {
		const id = busyResident(1);
		const before = count('SELECT count(*) FROM audit_log');
		await expect(
			exportResident(store, actorNamed(store, 'truongkhu2'), id, 'export', DEVICE)
		).rejects.toMatchObject({ status: 403, message: 'Cư dân này không ở khu phố của bạn.' });
		await expect(
			exportResident(store, actorNamed(store, 'tinhnguyen1'), id, 'export', DEVICE)
		).rejects.toMatchObject({
			status: 403,
			message: expect.stringMatching(/^Tình nguyện viên không xem được dữ liệu cá nhân/)
		});
		await expect(
			exportResident(store, actorNamed(store, 'quantri'), 99_999_999, 'export', DEVICE)
		).rejects.toMatchObject({ status: 404 });
		expect(count('SELECT count(*) FROM audit_log')).toBe(before);
	});
});

describe('erasure', () => {
	it('removes the person, keeps attendance counts, and audits by id only', async () => {
		const id = busyResident(2);
		const officer = actorNamed(store, 'quantri');
		const name = store.db.value<string>('SELECT full_name FROM residents WHERE id = ?', [id])!;
		const household = store.db.value<number>('SELECT household_id FROM residents WHERE id = ?', [
			id
		])!;
		const sessions = store.db.all<{ session_id: number }>(
			'SELECT session_id FROM attendance WHERE resident_id = ?',
			[id]
		);
		const perSession = () =>
			sessions.map((s) =>
				count('SELECT count(*) FROM attendance WHERE session_id = ?', [s.session_id])
			);
		const byNeighborhood = () => count('SELECT count(*) FROM attendance WHERE neighborhood_id = 2');
		const [sessionCounts, nbCount, total] = [
			perSession(),
			byNeighborhood(),
			count('SELECT count(*) FROM attendance')
		];

		const result = await eraseResident(store, officer, id, DEVICE);
		expect(result.attendanceAnonymised).toBe(sessions.length);
		expect(result.milestonesRemoved).toBeGreaterThan(0);
		expect(result.householdRemoved).toBe(false);

		expect(count('SELECT count(*) FROM residents WHERE id = ?', [id])).toBe(0);
		for (const table of ['consents', 'cards', 'milestones', 'attendance', 'lesson_completions']) {
			expect(count(`SELECT count(*) FROM ${table} WHERE resident_id = ?`, [id])).toBe(0);
		}
		expect(perSession()).toEqual(sessionCounts);
		expect(byNeighborhood()).toBe(nbCount);
		expect(count('SELECT count(*) FROM attendance')).toBe(total);
		// The household stays (others live there) but no longer names the erased head.
		expect(store.db.value('SELECT head_name FROM households WHERE id = ?', [household])).not.toBe(
			name
		);
		// The audit log never spelled the name (it names records by id), so nothing is left there.
		expect(
			count('SELECT count(*) FROM audit_log WHERE instr(detail, ?1) OR instr(subject, ?1)', [name])
		).toBe(0);
		const row = store.db.get<{ actor_id: number; device: string; detail: string }>(
			"SELECT actor_id, device, detail FROM audit_log WHERE action = 'resident.erase' AND subject = ?",
			[`resident:${id}`]
		);
		expect(row).toMatchObject({ actor_id: officer.id, device: DEVICE });
		expect(JSON.parse(row!.detail)).toEqual(result);
	});

	it("never gives an erased person's id, or their history, to someone registered later", async () => {
		const officer = actorNamed(store, 'quantri');
		const register = async (headName: string) => {
			const household = await createHousehold(store, officer, {
				neighborhoodId: 4,
				address: `Số ${headName.length} đường Thử`,
				headName
			});
			if (!household.ok) throw new Error(household.message);
			const resident = await createResident(store, officer, {
				householdId: household.value.id,
				fullName: headName,
				birthYear: 1950,
				consent: { method: 'paper', takenBy: 'Cán bộ phường' }
			});
			if (!resident.ok) throw new Error(resident.message);
			return { household: household.value.id, resident: resident.value.id };
		};
		// The newest person of the ward, alone in the newest household: erasing them deletes both
		// rows with the highest ids.
		const erased = await register('Phan Văn Xoá');
		await exportResident(store, officer, erased.resident, 'view_data', DEVICE);
		const result = await eraseResident(store, officer, erased.resident, DEVICE);
		expect(result.householdRemoved).toBe(true);

		const next = await register('Phan Thị Mới');
		expect(next.resident).toBeGreaterThan(erased.resident);
		expect(next.household).toBeGreaterThan(erased.household);
		// The new person's data export holds only what was done with their own record.
		const data = await exportResident(store, officer, next.resident, 'export', DEVICE);
		expect(data.accessLog.map((a) => a.action)).toEqual(['resident.create', 'resident.export']);

		// A khu phố merged away does not lend its id to the next one made either.
		const made = await createNeighborhood(store, officer, { name: 'Khu phố Thử Gộp' });
		if (!made.ok) throw new Error(made.message);
		expect((await mergeNeighborhoods(store, officer, { from: made.value.id, into: 4 })).ok).toBe(
			true
		);
		const after = await createNeighborhood(store, officer, { name: 'Khu phố Thử Sau' });
		expect(after.ok && after.value.id).toBeGreaterThan(made.value.id);
	});

	it("takes the erased head's name off the household however it was written", async () => {
		const officer = actorNamed(store, 'quantri');
		const household = await createHousehold(store, officer, {
			neighborhoodId: 5,
			address: 'Số 12 ngõ Hoa',
			headName: 'Lê Văn Hoa'
		});
		if (!household.ok) throw new Error(household.message);
		const add = async (fullName: string, birthYear: number) => {
			const made = await createResident(store, officer, {
				householdId: household.value.id,
				fullName,
				birthYear,
				consent: { method: 'paper', takenBy: 'Cán bộ phường' }
			});
			if (!made.ok) throw new Error(made.message);
			return made.value.id;
		};
		const head = await add('LÊ VĂN HOA', 1950);
		await add('Lê Thị Con', 1980);
		await eraseResident(store, officer, head, DEVICE);
		expect(
			store.db.value('SELECT head_name FROM households WHERE id = ?', [household.value.id])
		).toBe(ERASED_HEAD);
	});

	it('is refused to a head, and to the officer a second time', async () => {
		const id = busyResident(3);
		await expect(
			eraseResident(store, actorNamed(store, 'truongkhu3'), id, DEVICE)
		).rejects.toMatchObject({ status: 403 });
		await eraseResident(store, actorNamed(store, 'quantri'), id, DEVICE);
		await expect(
			eraseResident(store, actorNamed(store, 'quantri'), id, DEVICE)
		).rejects.toMatchObject({ status: 404 });
	});

	it('is all or nothing: a failure at the last step leaves every table as it was', async () => {
		const id = busyResident(4);
		const before = footprint(store);
		const auditBefore = count('SELECT count(*) FROM audit_log');
		// The real erasure handler, made to fail after all its statements ran.
		const entry = {
			seq: Number(store.db.value("SELECT value FROM meta WHERE key = 'last_seq'")) + 1,
			id: 'test:1:x',
			type: 'privacy.erase',
			at: Date.now(),
			actor: 1,
			payload: { residentId: id, device: DEVICE }
		};
		const failing = (db: Parameters<(typeof erasureOps)['privacy.erase']>[0]) =>
			db.transaction(() => {
				erasureOps['privacy.erase'](db, entry.payload, {
					seq: entry.seq,
					opId: entry.id,
					at: entry.at,
					actor: 1,
					replaying: false
				});
				throw new Error('disk went away');
			});
		expect(() => failing(store.db)).toThrow('disk went away');
		expect(footprint(store)).toEqual(before);
		expect(count('SELECT count(*) FROM audit_log')).toBe(auditBefore);
	});
});

describe('consent', () => {
	it('is withdrawn once, audited with the note, and puts the person in the erasure queue', async () => {
		const id = busyResident(5);
		const head = actorNamed(store, 'truongkhu5');
		await withdrawConsent(store, head, id, 'Bác gọi điện xin rút', DEVICE);
		expect(
			count('SELECT count(*) FROM consents WHERE resident_id = ? AND withdrawn_at IS NULL', [id])
		).toBe(0);
		await expect(withdrawConsent(store, head, id, '', DEVICE)).rejects.toMatchObject({
			status: 409,
			reason: 'already_withdrawn'
		});
		const row = store.db.get<{ detail: string }>(
			"SELECT detail FROM audit_log WHERE action = 'consent.withdraw' AND subject = ?",
			[`resident:${id}`]
		);
		expect(row?.detail).toBe('Bác gọi điện xin rút');
		const { erasureQueue } = await import('./privacy');
		expect(erasureQueue(store).map((p) => p.id)).toContain(id);
		await expect(
			withdrawConsent(store, actorNamed(store, 'tinhnguyen1'), busyResident(6), '', DEVICE)
		).rejects.toMatchObject({ status: 403 });
	});

	it('once withdrawn, no new check-in, lesson or milestone is recorded of the person', async () => {
		const id = busyResident(7);
		const code = store.db.value<string>(
			'SELECT code FROM cards WHERE resident_id = ? AND revoked_at IS NULL',
			[id]
		)!;
		store.db.run(
			"INSERT INTO class_sessions (title, place, starts_at) VALUES ('Lớp sau khi rút', 'Nhà văn hoá khu phố 7', 0)"
		);
		const sessionId = store.db.value<number>('SELECT max(id) FROM class_sessions')!;
		const volunteer = actorNamed(store, 'tinhnguyen1');
		const scan = (body: Record<string, unknown>, nonce: string) =>
			checkIn(store, volunteer, { sessionId, nonce, source: 'search', ...body }, clock.now);
		await withdrawConsent(store, actorNamed(store, 'quantri'), id, 'Xin rút', DEVICE);
		const before = footprint(store);
		for (const [body, nonce] of [
			[{ code, source: 'scanner' }, 'withdrawn-card'],
			[{ residentId: id }, 'withdrawn-name']
		] as const) {
			const answer = await scan(body, nonce);
			expect([answer.status, answer.body.reason], nonce).toEqual([409, 'consent_withdrawn']);
			expect(answer.body.message).toBe(
				'Người này đã rút lại sự đồng ý — không ghi thêm gì về người này'
			);
		}
		const lesson = await recordCompletion(store, {
			code,
			walkthroughId: 'tien-dien',
			nonce: 'withdrawn-lesson'
		});
		expect([lesson.status, lesson.body.reason]).toEqual([409, 'consent_withdrawn']);
		const milestone = await recordMilestone(
			store,
			volunteer,
			id,
			{ skill: 'M1', evidence: 'witnessed', date: '2026-11-25' },
			clock.now
		);
		expect(milestone).toMatchObject({ ok: false, reason: 'consent_withdrawn' });
		expect(footprint(store)).toEqual(before);
	});
});

describe('what is stored', () => {
	it('has no column for an ID-card number anywhere (the minimum is stored)', () => {
		const columns = store.db.all<{ name: string; col: string }>(
			`SELECT m.name, p.name AS col FROM sqlite_master m, pragma_table_info(m.name) p
			 WHERE m.type = 'table'`
		);
		expect(columns.length).toBeGreaterThan(50);
		const suspicious = columns.filter((c) =>
			/cccd|cmnd|id_?card|identity|national|passport/i.test(c.col)
		);
		expect(suspicious).toEqual([]);
	});
});

describe('the audit log', () => {
	it('refuses updates and deletes (append-only)', async () => {
		await auditRead(store, actorNamed(store, 'quantri'), {
			action: 'resident.view_data',
			subject: 'resident:1'
		});
		expect(() => store.db.run("UPDATE audit_log SET action = 'x'")).toThrow(/append-only/);
		expect(() => store.db.run('DELETE FROM audit_log')).toThrow(/append-only/);
	});
});

describe('a check-in by a head', () => {
	it("names nobody of another khu phố by id, yet records a card of anyone's", async () => {
		const head = actorNamed(store, 'truongkhu1');
		const other = busyResident(2);
		store.db.run(
			"INSERT INTO class_sessions (title, place, starts_at) VALUES ('Lớp của khu phố 1', 'Nhà văn hoá khu phố 1', 0)"
		);
		const sessionId = store.db.value<number>('SELECT max(id) FROM class_sessions')!;
		const byId = await checkIn(
			store,
			head,
			{ residentId: other, sessionId, nonce: 'head-guess-1', source: 'search' },
			clock.now
		);
		expect([byId.status, byId.body]).toEqual([
			403,
			{ status: 'error', reason: 'forbidden', message: 'Cư dân này không ở khu phố của bạn.' }
		]);
		const code = store.db.value<string>(
			'SELECT code FROM cards WHERE resident_id = ? AND revoked_at IS NULL',
			[other]
		)!;
		const card = await checkIn(
			store,
			head,
			{ code, sessionId, nonce: 'head-card-1', source: 'scanner' },
			clock.now
		);
		expect(card.status).toBe(201);
	});
});

describe('an erased person in the day reports', () => {
	/** Someone who came to two classes on one day when nobody else of their home came. */
	function twiceInADay(): { id: number; at: number } {
		const VN_DAY = `((a.checked_in_at + ${7 * 3600_000}) / ${24 * 3600_000})`;
		const row = store.db.get<{ id: number; at: number }>(
			`SELECT a.resident_id AS id, min(a.checked_in_at) AS at
			 FROM attendance a JOIN residents r ON r.id = a.resident_id
			 WHERE NOT EXISTS (
				SELECT 1 FROM attendance b JOIN residents o ON o.id = b.resident_id
				WHERE o.household_id = r.household_id AND o.id != r.id
					AND ((b.checked_in_at + ${7 * 3600_000}) / ${24 * 3600_000}) = ${VN_DAY})
			 GROUP BY a.resident_id, ${VN_DAY} HAVING count(*) >= 2
			 ORDER BY a.resident_id LIMIT 1`
		);
		if (!row) throw new Error('the demo ward has no such resident');
		return row;
	}

	it('is still one person and one household, for the ward and their khu phố', async () => {
		const { id, at } = twiceInADay();
		const day = vnDay(at);
		const before = {
			ward: dayCounts(store.db, day, null),
			byNeighborhood: dayAttendeesByNeighborhood(store.db, day)
		};
		await eraseResident(store, actorNamed(store, 'quantri'), id, DEVICE);
		// Each anonymous row was counted as somebody else: one more person, one more home.
		expect({
			ward: dayCounts(store.db, day, null),
			byNeighborhood: dayAttendeesByNeighborhood(store.db, day)
		}).toEqual(before);
	});
});
