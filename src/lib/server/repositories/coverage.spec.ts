import { describe, expect, it } from 'vitest';
import { at, D, loadFixture } from '../services/reports.fixture';
import { Db } from '../store/database';
import { migrate, shippedMigrations } from '../store/migrations';
import {
	adultsByDay,
	coverageByNeighborhood,
	householdsNotReached,
	loadDefinitions,
	reachByNeighborhood
} from './coverage';

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

describe('people and households registered after the report day', () => {
	/**
	 * On 27/11, after D: household H6 in Khu phố 2 with R11, and R12 joins H5; both bring
	 * paper records of milestones from 20/11, before D. On D neither was on the register.
	 */
	async function wardWithLateRegistrations() {
		const db = await Db.create();
		migrate(db);
		loadFixture(db);
		const late = at('2026-11-27', '09:00');
		db.run(
			"INSERT INTO households (id, neighborhood_id, address, head_name, created_at) VALUES (6, 2, 'Số 6', 'Ngô Văn Mười Một', ?)",
			[late]
		);
		for (const [id, household] of [
			[11, 6],
			[12, 5]
		]) {
			db.run(
				"INSERT INTO residents (id, household_id, full_name, name_folded, birth_year, created_at) VALUES (?, ?, 'Ngô Văn Mới', 'ngo van moi', 1980, ?)",
				[id, household, late]
			);
			for (const skill of ['M0', 'M2', 'M9', 'M4', 'M5', 'M7', 'M8']) {
				db.run(
					"INSERT INTO milestones (resident_id, skill_code, evidence, achieved_on, witness_id, recorded_at) VALUES (?, ?, 'real', '2026-11-20', 4, ?)",
					[id, skill, late]
				);
			}
		}
		return db;
	}

	it('counts them nowhere on a day before their registration, and from that day on', async () => {
		const db = await wardWithLateRegistrations();
		const defs = loadDefinitions(db);
		const figures = (day: string) => {
			const [row] = coverageByNeighborhood(db, defs, day, 2);
			return [row.adults, row.adults_skilled, row.households, row.households_covered];
		};
		// As the fixture alone: R7, R9, R10 adults, R7 skilled; H4, H5, H4 covered.
		expect(figures(D)).toEqual([3, 1, 2, 1]);
		expect(reachByNeighborhood(db, D, 2)).toEqual([
			{ neighborhood_id: 2, residents: 2, households: 1 }
		]);
		const toVisit = householdsNotReached(db, D, 2);
		expect(toVisit.map((h) => [h.id, h.members])).toEqual([[5, 1]]);
		expect(figures('2026-11-27')).toEqual([5, 3, 3, 3]);
		expect(reachByNeighborhood(db, '2026-11-27', 2)).toEqual([
			{ neighborhood_id: 2, residents: 4, households: 3 }
		]);
		expect(householdsNotReached(db, '2026-11-27', 2)).toEqual([]);
		db.close();
	});

	it('counts them skilled in the trend from the day they were registered', async () => {
		const db = await wardWithLateRegistrations();
		const { skilled } = adultsByDay(db, loadDefinitions(db), '2026-11-27', 2);
		expect(skilled).toEqual([
			{ day: '2026-11-01', count: 1 },
			{ day: '2026-11-27', count: 2 }
		]);
		db.close();
	});
});
