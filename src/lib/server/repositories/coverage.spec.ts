import { describe, expect, it } from 'vitest';
import { at, D, loadFixture } from '../services/reports.fixture';
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

describe('first_seen kept by the check-in trigger', () => {
	it('moves to an earlier check-in and stays put for a later one', async () => {
		const db = await Db.create();
		migrate(db);
		loadFixture(db);
		const firstSeen = () =>
			db.value<string>('SELECT first_seen FROM resident_coverage WHERE resident_id = 6');
		const checkIn = (day: string, nonce: string) => {
			db.run(
				"INSERT INTO class_sessions (title, place, starts_at) VALUES ('Lớp', 'Nhà văn hoá', ?)",
				[at(day, '08:00')]
			);
			const session = db.value<number>('SELECT max(id) FROM class_sessions');
			db.run(
				"INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, nonce) VALUES (?, 6, 1, ?, 'search', ?)",
				[session!, at(day, '08:05'), nonce]
			);
		};
		expect(firstSeen()).toBeNull();
		checkIn('2026-11-20', 'nonce-first');
		expect(firstSeen()).toBe('2026-11-20');
		checkIn('2026-11-22', 'nonce-later');
		expect(firstSeen()).toBe('2026-11-20');
		checkIn('2026-11-10', 'nonce-earlier');
		expect(firstSeen()).toBe('2026-11-10');
		expect(reachByNeighborhood(db, '2026-11-15', 1)[0].residents).toBeGreaterThan(
			reachByNeighborhood(db, '2026-11-09', 1)[0].residents
		);
		db.close();
	});
});
