import type { Db } from '../store/database';

/**
 * A tiny ward whose every figure was worked out by hand (see reports.spec.ts for the
 * answers). Day D = 2026-11-25 (a Wednesday). Two khu phố; adults are born ≤ 2008.
 *
 *   KP1  H1 "Số 1": R1 1950, R2 1955, R3 2012 (child)   H2 "Số 2": R4 1980, R5 1985
 *        H3 "Số 3": R6 1970 (never reached)
 *   KP2  H4 "Số 4": R7 1960, R8 2010 (child), R10 2008 (just adult)
 *        H5 "Số 5": R9 1990 (never reached)
 *
 * R5's milestones of D are recorded through the real ops by the test (one is undone).
 */
export const D = '2026-11-25';
/** 17:00 in Hà Tu on D. */
export const NOW = Date.parse('2026-11-25T10:00:00Z');
/** An instant at Vietnam time `hh:mm` on `day`. */
export const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+07:00`);

export function loadFixture(db: Db): void {
	const created = at('2026-01-01', '08:00');
	db.run("INSERT INTO settings (key, value) VALUES ('ward_name', 'Phường Hà Tu')");
	db.run("INSERT INTO settings (key, value) VALUES ('report_place', 'Hà Tu')");
	db.run("INSERT INTO settings (key, value) VALUES ('province', 'Tỉnh Quảng Ninh')");
	for (const k of [1, 2]) {
		db.run('INSERT INTO neighborhoods (id, name, sort) VALUES (?, ?, ?)', [k, `Khu phố ${k}`, k]);
	}
	const user = (id: number, name: string, role: string, nb: number | null) =>
		db.run(
			"INSERT INTO users (id, username, display_name, role, neighborhood_id, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, 'x', 0)",
			[id, `u${id}`, name, role, nb]
		);
	user(1, 'Cán bộ phường', 'officer', null);
	user(2, 'Trưởng khu phố 1', 'head', 1);
	user(3, 'Trưởng khu phố 2', 'head', 2);
	user(4, 'Tình nguyện viên A', 'volunteer', null);
	user(5, 'Tình nguyện viên B', 'volunteer', null);
	const households: Array<[number, number, string, string]> = [
		[1, 1, 'Số 1, tổ 1, Khu phố 1', 'Trần Văn Một'],
		[2, 1, 'Số 2, tổ 1, Khu phố 1', 'Lê Thị Bốn'],
		[3, 1, 'Số 3, tổ 2, Khu phố 1', 'Phạm Văn Sáu'],
		[4, 2, 'Số 4, tổ 1, Khu phố 2', 'Đỗ Văn Bảy'],
		[5, 2, 'Số 5, tổ 3, Khu phố 2', 'Vũ Thị Chín']
	];
	for (const [id, nb, address, head] of households) {
		db.run(
			'INSERT INTO households (id, neighborhood_id, address, head_name, created_at) VALUES (?, ?, ?, ?, ?)',
			[id, nb, address, head, created]
		);
	}
	const residents: Array<[number, number, string, number]> = [
		[1, 1, 'Trần Văn Một', 1950],
		[2, 1, 'Nguyễn Thị Hai', 1955],
		[3, 1, 'Trần Văn Ba', 2012],
		[4, 2, 'Lê Thị Bốn', 1980],
		[5, 2, 'Hoàng Văn Năm', 1985],
		[6, 3, 'Phạm Văn Sáu', 1970],
		[7, 4, 'Đỗ Văn Bảy', 1960],
		[8, 4, 'Đỗ Thị Tám', 2010],
		[9, 5, 'Vũ Thị Chín', 1990],
		[10, 4, 'Đỗ Văn Mười', 2008]
	];
	for (const [id, household, name, year] of residents) {
		db.run(
			'INSERT INTO residents (id, household_id, full_name, name_folded, birth_year, created_at) VALUES (?, ?, ?, vi_fold(?), ?, ?)',
			[id, household, name, name, year, created]
		);
	}
	const milestone = (resident: number, skill: string, day: string) =>
		db.run(
			"INSERT INTO milestones (resident_id, skill_code, evidence, achieved_on, witness_id, recorded_at) VALUES (?, ?, 'witnessed', ?, 4, ?)",
			[resident, skill, day, at(day, '18:00')]
		);
	milestone(1, 'M0', '2026-11-01');
	milestone(1, 'M2', '2026-11-10');
	milestone(1, 'M9', D);
	for (const s of ['M0', 'M2']) milestone(2, s, '2026-11-05');
	for (const s of ['M4', 'M6', 'M7', 'M8']) milestone(2, s, '2026-11-20');
	for (const s of ['M0', 'M2', 'M9']) milestone(4, s, '2026-11-15');
	for (const s of ['M0', 'M2', 'M9']) milestone(7, s, '2026-11-01');
	for (const s of ['M4', 'M5', 'M7', 'M8']) milestone(7, s, '2026-11-02');
	milestone(10, 'M2', D);

	const session = (id: number, nb: number, title: string, topic: string, wt: string, t: number) =>
		db.run(
			'INSERT INTO class_sessions (id, title, topic, walkthrough_id, place, neighborhood_id, starts_at, opened_by) VALUES (?, ?, ?, ?, ?, ?, ?, 4)',
			[id, title, topic, wt, `Nhà văn hoá khu phố ${nb}`, nb, t]
		);
	session(1, 1, 'VNeID mức 2', 'dich-vu-cong', 'vneid-kich-hoat', at(D, '08:00'));
	session(2, 1, 'Chuyển khoản VietQR', 'thanh-toan', 'chuyen-khoan-vietqr', at(D, '14:00'));
	session(3, 2, 'Khai sinh liên thông', 'dich-vu-cong', 'dvc-khai-sinh', at(D, '08:00'));
	session(4, 1, 'Mua sắm an toàn', 'mua-sam', 'mua-sam-an-toan', at('2026-11-24', '20:00'));
	let n = 0;
	const checkin = (s: number, r: number | null, nb: number, t: number) =>
		db.run(
			"INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, volunteer_id, nonce) VALUES (?, ?, ?, ?, 'camera', 4, ?)",
			[s, r, nb, t, `fx-${++n}`]
		);
	checkin(1, 1, 1, at(D, '08:05'));
	checkin(1, 2, 1, at(D, '08:10'));
	checkin(1, 3, 1, at(D, '00:10')); // just after midnight in Hà Tu: still D
	checkin(2, 1, 1, at(D, '14:02'));
	checkin(2, 4, 1, at(D, '14:05'));
	checkin(3, 7, 2, at(D, '08:03'));
	checkin(3, null, 2, at(D, '08:20')); // an erased resident: still one person
	checkin(4, 5, 1, at('2026-11-24', '23:50')); // the day before, by ten minutes
	checkin(4, 3, 1, at('2026-11-26', '06:30')); // the day after (the example)

	const lesson = (wt: string, kind: string, t: number) =>
		db.run("INSERT INTO lesson_events (walkthrough_id, kind, kiosk, at) VALUES (?, ?, 'k1', ?)", [
			wt,
			kind,
			t
		]);
	lesson('vneid-kich-hoat', 'start', at(D, '09:00'));
	lesson('vneid-kich-hoat', 'complete', at(D, '09:10'));
	lesson('vneid-kich-hoat', 'start', at(D, '10:00'));
	lesson('vneid-kich-hoat', 'leave', at(D, '10:03'));
	lesson('tien-dien', 'start', at('2026-11-20', '10:00'));
	lesson('tien-dien', 'start', at('2026-11-10', '10:00'));
}
