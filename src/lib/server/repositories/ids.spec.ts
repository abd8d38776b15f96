import { describe, expect, it } from 'vitest';
import { Db } from '../store/database';
import { migrate, shippedMigrations } from '../store/migrations';
import { nextIdSql } from './ids';

describe('migration 0012 on a ward that has already erased people', () => {
	it('gives no new row an id the audit log has spoken of', async () => {
		const db = await Db.create();
		migrate(
			db,
			shippedMigrations.filter((m) => m.version < 12),
			0
		);
		// Resident 9 and household 4, the newest, were erased before this build; khu phố 3
		// was merged away. Only the audit log still names them.
		db.exec(`
			INSERT INTO neighborhoods (id, name) VALUES (1, 'Khu phố 1'), (2, 'Khu phố 2');
			INSERT INTO households (id, neighborhood_id, address, head_name, created_at) VALUES (2, 1, 'Số 1', 'A', 0);
			INSERT INTO residents (id, household_id, full_name, name_folded, birth_year, created_at) VALUES (5, 2, 'A', 'a', 1950, 0);
			INSERT INTO audit_log (at, action, subject) VALUES
				(0, 'resident.create', 'resident:9'), (0, 'resident.erase', 'resident:9'),
				(0, 'household.create', 'household:4'), (0, 'neighborhood.merge', 'neighborhood:3'),
				(0, 'report.view', 'ward');
		`);
		migrate(db, shippedMigrations, 0);
		const next = (table: 'residents' | 'households' | 'neighborhoods') =>
			db.value<number>(`SELECT ${nextIdSql(table)}`);
		expect([next('residents'), next('households'), next('neighborhoods')]).toEqual([10, 5, 4]);

		// From now on the triggers remember: erasing the newest row keeps its id taken.
		db.exec('DELETE FROM residents WHERE id = 5');
		db.exec(`INSERT INTO residents (id, household_id, full_name, name_folded, birth_year, created_at)
			VALUES (${nextIdSql('residents')}, 2, 'B', 'b', 1960, 0)`);
		expect(db.value('SELECT max(id) FROM residents')).toBe(10);
		db.exec('DELETE FROM residents WHERE id = 10');
		expect(next('residents')).toBe(11);
		db.close();
	});
});
