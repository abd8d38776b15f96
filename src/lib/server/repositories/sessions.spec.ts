import { describe, expect, it } from 'vitest';
import { Db } from '../store/database';
import { migrate, shippedMigrations } from '../store/migrations';
import { attendanceCount } from './sessions';

describe("a session's running count", () => {
	it('follows check-ins added, removed and moved to another session', async () => {
		const db = await Db.create();
		migrate(db, shippedMigrations, 0);
		db.exec(`
			INSERT INTO neighborhoods (id, name) VALUES (1, 'Khu 1');
			INSERT INTO households (id, neighborhood_id, address, head_name, created_at) VALUES (1, 1, 'Số 1', 'Chủ hộ', 0);
			INSERT INTO residents (id, household_id, full_name, name_folded, birth_year, created_at)
				VALUES (1, 1, 'Một', 'mot', 1950, 0), (2, 1, 'Hai', 'hai', 1951, 0), (3, 1, 'Ba', 'ba', 1952, 0);
			INSERT INTO class_sessions (id, title, place, starts_at) VALUES (1, 'Buổi 1', 'Nhà văn hoá', 0), (2, 'Buổi 2', 'Nhà văn hoá', 0);
		`);
		const add = (session: number, resident: number) =>
			db.run(
				"INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, nonce) VALUES (?, ?, 1, 0, 'camera', ?)",
				[session, resident, `n-${session}-${resident}`]
			);
		const counted = (session: number) =>
			db.value('SELECT count(*) FROM attendance WHERE session_id = ?', [session]);
		add(1, 1);
		add(1, 2);
		add(1, 3);
		add(2, 1);
		expect([attendanceCount(db, 1), attendanceCount(db, 2)]).toEqual([3, 1]);
		db.run('DELETE FROM attendance WHERE session_id = 1 AND resident_id = 2');
		db.run('UPDATE attendance SET session_id = 2 WHERE session_id = 1 AND resident_id = 3');
		// An erased resident's row stays, without a name: still counted.
		db.run('UPDATE attendance SET resident_id = NULL WHERE resident_id = 1');
		expect([attendanceCount(db, 1), attendanceCount(db, 2)]).toEqual([counted(1), counted(2)]);
		expect([attendanceCount(db, 1), attendanceCount(db, 2)]).toEqual([1, 2]);
		expect(attendanceCount(db, 99)).toBe(0);
		db.close();
	});
});
