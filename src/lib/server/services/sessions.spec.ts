import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { actorNamed, demoStore } from './privacy.testing';
import { checkIn } from './checkin';
import { withdrawConsent } from './privacy';
import { searchResidents } from './residents';
import {
	closeSession,
	failedScans,
	openSession,
	recentSessions,
	sessionAttendance,
	undoCheckin
} from './sessions';

let store: Store;
beforeAll(async () => {
	store = await demoStore();
});
afterAll(() => store.close());

describe('opening a class', () => {
	const now = Date.UTC(2026, 11, 1, 1, 0); // 08:00 on 01/12/2026 in Vietnam
	const open = (startsAt: unknown) =>
		openSession(
			store,
			actorNamed(store, 'tinhnguyen1'),
			{ title: 'Buổi học thử', startsAt, place: 'Nhà văn hoá khu phố 1' },
			now
		);

	it('refuses a start years away with the range it takes, in dd/mm/yyyy', async () => {
		expect(await open(Date.UTC(2030, 0, 1))).toMatchObject({
			ok: false,
			message: 'Giờ bắt đầu phải trong khoảng từ 30/11/2025 đến 02/12/2027.'
		});
	});

	it('refuses a start that is not a time, and opens one within the year', async () => {
		expect(await open('chưa biết')).toMatchObject({
			ok: false,
			message: 'Giờ bắt đầu không hợp lệ. Xin chọn ngày và giờ.'
		});
		expect(await open(now + 3_600_000)).toMatchObject({ ok: true });
	});

	it('refuses a day that does not exist, and reads a time without an offset as Vietnam time', async () => {
		// Date.parse would have opened it on 1 December.
		expect(await open('2026-11-31T08:00')).toMatchObject({
			ok: false,
			reason: 'invalid_starts_at'
		});
		const opened = await open('2026-12-01T09:30');
		expect(opened.ok && opened.value.startsAt).toBe(Date.parse('2026-12-01T09:30:00+07:00'));
	});

	it('finds the cultural house by a name typed loosely, and names them all for a wrong one', async () => {
		const at = (place: string) =>
			openSession(store, actorNamed(store, 'tinhnguyen1'), { title: 'Buổi học thử', place }, now);
		const loose = await at('nha van HÒA khu pho 2');
		expect(loose.ok && loose.value.place).toBe('Nhà văn hoá khu phố 2');
		const wrong = await at('Nhà văn hoá khu phố 99');
		expect(wrong).toMatchObject({ ok: false, reason: 'unknown_place' });
		expect(!wrong.ok && wrong.message).toMatch(
			/^Không có nhà văn hoá tên "Nhà văn hoá khu phố 99"\. Các nơi học: Nhà văn hoá khu phố 1; .*Nhà văn hoá khu phố 2;/
		);
		expect(await at('')).toMatchObject({ message: 'Xin chọn nhà văn hoá nơi học.' });
	});

	it("takes only a lesson the kiosk has, under the class's own topic", async () => {
		const at = (extra: Record<string, unknown>) =>
			openSession(
				store,
				actorNamed(store, 'tinhnguyen1'),
				{ title: 'Buổi học thử', place: 'Nhà văn hoá khu phố 1', ...extra },
				now
			);
		expect(await at({ walkthroughId: 'vneid-gia' })).toMatchObject({
			ok: false,
			reason: 'unknown_walkthrough'
		});
		const health = await at({ topic: 'y-te', walkthroughId: 'tien-dien' });
		expect(health).toMatchObject({ ok: false, reason: 'topic_mismatch' });
		expect(await at({ walkthroughId: 'tien-dien' })).toMatchObject({ ok: true });
	});

	it('takes only a topic of the list, never a name every object has', async () => {
		for (const topic of ['constructor', 'toString', '__proto__', 'khong-co']) {
			const input = { title: 'Buổi học thử', place: 'Nhà văn hoá khu phố 1', topic };
			expect(
				await openSession(store, actorNamed(store, 'tinhnguyen1'), input, now),
				topic
			).toMatchObject({ ok: false, reason: 'unknown_topic' });
		}
	});

	const volunteer = () => actorNamed(store, 'tinhnguyen1');
	const place = 'Nhà văn hoá khu phố 1';

	it('refuses a title over 120 characters with its length, and takes one of 120', async () => {
		const long = 'Hướng dẫn '.repeat(14).trim(); // 139 characters
		expect(await openSession(store, volunteer(), { title: long, place }, now)).toMatchObject({
			ok: false,
			reason: 'title_too_long',
			message: 'Tên buổi học dài 139 ký tự, quá 120 ký tự. Xin viết ngắn lại.'
		});
		const exact = 'x'.repeat(120);
		const opened = await openSession(store, volunteer(), { title: exact, place }, now);
		expect(opened.ok && opened.value.title).toBe(exact);
	});

	it('asks the form before opening a class that does not start today; the API is not asked', async () => {
		const june = Date.parse('2027-06-01T08:00:00+07:00');
		const input = { title: 'Buổi học tháng Sáu', place, startsAt: june };
		const asked = await openSession(store, volunteer(), input, now, { confirmedDay: null });
		expect(asked).toMatchObject({
			ok: false,
			status: 409,
			reason: 'confirm_start_day',
			message: 'Buổi học này bắt đầu ngày 01/06/2027, không phải hôm nay. Mở buổi học này?'
		});
		// A "yes" to another day (the date was changed after the question) is asked again.
		const other = { confirmedDay: '2027-05-01' };
		expect(await openSession(store, volunteer(), input, now, other)).toMatchObject({
			reason: 'confirm_start_day'
		});
		const yes = { confirmedDay: '2027-06-01' };
		expect(await openSession(store, volunteer(), input, now, yes)).toMatchObject({ ok: true });
		expect(await openSession(store, volunteer(), input, now)).toMatchObject({ ok: true });
		// Today, late at night: nothing to ask.
		const tonight = { ...input, startsAt: Date.parse('2026-12-01T23:50:00+07:00') };
		const noOptions = { confirmedDay: null };
		expect(await openSession(store, volunteer(), tonight, now, noOptions)).toMatchObject({
			ok: true
		});
	});
});

describe("a class's list for a head", () => {
	it("names the head's own khu phố's people and counts the others without their names", async () => {
		const residentOf = (hood: number) =>
			store.db.value<number>(
				'SELECT r.id FROM residents r JOIN households h ON h.id = r.household_id WHERE h.neighborhood_id = ? LIMIT 1',
				[hood]
			)!;
		const [ours, theirs] = [residentOf(1), residentOf(2)];
		store.db.run(
			"INSERT INTO class_sessions (title, place, neighborhood_id, starts_at) VALUES ('Lớp chung', 'Nhà văn hoá khu phố 1', 1, 0)"
		);
		const id = store.db.value<number>('SELECT max(id) FROM class_sessions')!;
		store.db.exec(`
			INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, nonce)
				VALUES (${id}, ${ours}, 1, 1000, 'search', 'head-list-1'), (${id}, ${theirs}, 2, 2000, 'search', 'head-list-2');
			INSERT INTO failed_scans (session_id, code_excerpt, reason, source, at)
				VALUES (${id}, 'resident:${theirs}', 'session_closed', 'search', 3000);
		`);
		const head = actorNamed(store, 'truongkhu1');
		expect(head.neighborhoodId).toBe(1);
		const listed = await sessionAttendance(store, head, id);
		expect(listed!.attendance).toHaveLength(2);
		const [other, own] = listed!.attendance;
		expect(own).toMatchObject({ residentId: ours, neighborhoodName: 'Khu phố 1' });
		expect(own.fullName).toBeTruthy();
		expect(own.birthYear).toEqual(expect.any(Number));
		expect(other).toMatchObject({
			residentId: null,
			fullName: null,
			birthYear: null,
			neighborhoodName: 'Khu phố 2',
			elsewhere: true
		});
		expect(failedScans(store, head, id)[0].fullName).toBeNull();
		// A volunteer runs classes for the whole ward: every name.
		const volunteer = actorNamed(store, 'tinhnguyen1');
		const all = await sessionAttendance(store, volunteer, id);
		expect(all!.attendance.map((a) => a.fullName).every(Boolean)).toBe(true);
		expect(failedScans(store, volunteer, id)[0].fullName).toBeTruthy();
	});
});

describe('taking back a check-in made by mistake', () => {
	const residentIn = (hood: number, skip = 0) =>
		store.db.value<number>(
			'SELECT r.id FROM residents r JOIN households h ON h.id = r.household_id WHERE h.neighborhood_id = ? ORDER BY r.id LIMIT 1 OFFSET ?',
			[hood, skip]
		)!;

	it('removes the one check-in, counts again, and records who did it against the person', async () => {
		const volunteer = actorNamed(store, 'tinhnguyen1');
		store.db.run(
			"INSERT INTO class_sessions (title, place, starts_at) VALUES ('Lớp nhầm', 'Nhà văn hoá khu phố 1', ?)",
			[Date.now() - 60_000]
		);
		const id = store.db.value<number>('SELECT max(id) FROM class_sessions')!;
		const [wrong, right] = [residentIn(1, 3), residentIn(1, 4)];
		for (const [residentId, nonce] of [
			[wrong, 'undo-wrong'],
			[right, 'undo-right']
		] as const) {
			const answer = await checkIn(store, volunteer, {
				residentId,
				sessionId: id,
				nonce,
				source: 'search'
			});
			expect(answer.status).toBe(201);
		}

		expect(await undoCheckin(store, volunteer, id, wrong)).toEqual({
			ok: true,
			value: { count: 1 }
		});
		const listed = await sessionAttendance(store, volunteer, id);
		expect(listed!.attendance.map((a) => a.residentId)).toEqual([right]);
		expect(store.db.value('SELECT checked_in FROM class_sessions WHERE id = ?', [id])).toBe(1);
		expect(
			store.db.get(
				'SELECT action, detail FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT 1',
				[`resident:${wrong}`]
			)
		).toEqual({ action: 'checkin.undo', detail: `Buổi học #${id}` });

		// Twice: nothing left to take back.
		expect(await undoCheckin(store, volunteer, id, wrong)).toMatchObject({
			ok: false,
			status: 404,
			message: 'Người này chưa điểm danh ở buổi này.'
		});
		// A head, for another khu phố's person: refused, nothing changed.
		const head2 = actorNamed(store, 'truongkhu2');
		expect(await undoCheckin(store, head2, id, right)).toMatchObject({ ok: false, status: 403 });
		// Once the class is closed, its list is its record.
		store.db.run('UPDATE class_sessions SET closed_at = ? WHERE id = ?', [Date.now(), id]);
		expect(await undoCheckin(store, volunteer, id, right)).toMatchObject({
			ok: false,
			status: 409,
			reason: 'session_closed'
		});
		expect((await sessionAttendance(store, volunteer, id))!.attendance).toHaveLength(1);
	});
});

describe("a class's name search", () => {
	it('marks who withdrew consent, so the volunteer does not tap them in vain', async () => {
		const officer = actorNamed(store, 'quantri');
		const [a, b] = store.db.all<{ id: number; full_name: string }>(
			`SELECT r.id, r.full_name FROM residents r JOIN households h ON h.id = r.household_id
				 WHERE h.neighborhood_id = 5 ORDER BY r.id LIMIT 2 OFFSET 7`
		);
		await withdrawConsent(store, officer, a.id, 'Không muốn tham gia', 'test');
		store.db.run(
			"INSERT INTO class_sessions (title, place, starts_at) VALUES ('Lớp tìm tên', 'Nhà văn hoá khu phố 5', ?)",
			[Date.now()]
		);
		const id = store.db.value<number>('SELECT max(id) FROM class_sessions')!;
		const found = (name: string) => {
			const result = searchResidents(store, actorNamed(store, 'tinhnguyen1'), name, undefined, id);
			if (!result.ok) throw new Error(result.message);
			return result.value;
		};
		expect(found(a.full_name).find((r) => r.id === a.id)?.consentWithdrawn).toBe(true);
		expect(found(b.full_name).find((r) => r.id === b.id)?.consentWithdrawn).toBe(false);
	});
});

describe("the volunteers' list of classes", () => {
	it('lists every open class however many, and the closed ones of the last two days after them', async () => {
		const at = Date.now();
		const volunteer = actorNamed(store, 'tinhnguyen1');
		const ids: number[] = [];
		for (let i = 1; i <= 25; i++) {
			const opened = await openSession(
				store,
				volunteer,
				{ title: `Lớp đông số ${i}`, place: 'Nhà văn hoá khu phố 1', startsAt: at - i * 60_000 },
				at
			);
			if (!opened.ok) throw new Error(opened.message);
			ids.push(opened.value.id);
		}
		expect(await closeSession(store, volunteer, ids[24])).toMatchObject({ ok: true });
		const listed = recentSessions(store, at);
		const open = listed.filter((s) => s.closedAt === null).map((s) => s.id);
		// The 25th class opened, and every other: nothing open falls off the page.
		for (const id of ids.slice(0, 24)) expect(open).toContain(id);
		const closedAt = listed.findIndex((s) => s.id === ids[24]);
		expect(closedAt).toBeGreaterThanOrEqual(open.length);
		for (const id of ids.slice(0, 24)) await closeSession(store, volunteer, id);
	});
});
