import { describe, expect, it } from 'vitest';
import { D, loadFixture } from '../services/reports.fixture';
import { Db } from '../store/database';
import { migrate, shippedMigrations } from '../store/migrations';
import { coverageByNeighborhood, loadDefinitions, reachByNeighborhood } from './coverage';

describe('migration 0005 on a ward that already has data', () => {
	it('backfills resident_coverage so the counts match the triggers', async () => {
		const db = await Db.create();
		// A database from before this migration: data written without the triggers.
		migrate(
			db,
			shippedMigrations.filter((m) => m.version < 5)
		);
		loadFixture(db);
		migrate(db);
		const defs = loadDefinitions(db);
		const rows = coverageByNeighborhood(db, defs, D, null);
		expect(
			rows.map((r) => [r.adults, r.adults_skilled, r.households, r.households_covered])
		).toEqual([
			[5, 2, 3, 1],
			[3, 1, 2, 1]
		]);
		expect(reachByNeighborhood(db, D, null)).toEqual([
			{ neighborhood_id: 1, residents: 5, households: 2 },
			{ neighborhood_id: 2, residents: 2, households: 1 }
		]);
		// The day before: R1 not yet skilled (M9 came on D), R3 not yet reached.
		expect(coverageByNeighborhood(db, defs, '2026-11-24', 1)[0].adults_skilled).toBe(1);
		expect(reachByNeighborhood(db, '2026-11-24', 1)[0].residents).toBe(4);
		db.close();
	});
});
