import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { opHandlers } from '../ops';
import { Store } from '../store/store';
import type { Scope } from './coverage';
import { householdsToVisit, noneLeftToVisit } from './reports-dashboard';
import { at, D, loadFixture, NOW } from './reports.fixture';

const WARD: Scope = { neighborhoodId: null, name: 'Toàn phường', ward: 'Phường Hà Tu' };
const scopeOf = (id: number): Scope => ({ neighborhoodId: id, name: `Khu phố ${id}`, ward: '' });

let store: Store;

beforeAll(async () => {
	store = await Store.open({
		dir: mkdtempSync(join(tmpdir(), 'ths-door-')),
		handlers: {
			...opHandlers,
			'fixture.load': (db) => {
				loadFixture(db);
				// Khu phố 3: its one household reached on D (a milestone); khu phố 4: nobody yet.
				db.run("INSERT INTO neighborhoods (id, name, sort) VALUES (3, 'Khu phố 3', 3)");
				db.run("INSERT INTO neighborhoods (id, name, sort) VALUES (4, 'Khu phố 4', 4)");
				db.run(
					"INSERT INTO households (id, neighborhood_id, address, head_name, created_at) VALUES (6, 3, 'Số 6, tổ 1, Khu phố 3', 'Mai Văn Sáu', ?)",
					[at('2026-01-01', '08:00')]
				);
				db.run(
					"INSERT INTO residents (id, household_id, full_name, name_folded, birth_year, created_at) VALUES (11, 6, 'Mai Văn Sáu', vi_fold('Mai Văn Sáu'), 1975, ?)",
					[at('2026-01-01', '08:00')]
				);
				db.run(
					"INSERT INTO milestones (resident_id, skill_code, evidence, achieved_on, witness_id, recorded_at) VALUES (11, 'M0', 'witnessed', ?, 4, ?)",
					[D, at(D, '18:00')]
				);
			}
		},
		log: () => {},
		now: () => NOW
	});
	await store.write('fixture.load', {});
});

describe('the khu phố the door-to-door list has no household for', () => {
	it('names a khu phố done (with its households) and one with none registered, in ward order', () => {
		const rows = householdsToVisit(store, D, WARD, 'neighborhood');
		expect(rows.map((h) => h.neighborhood_id)).toEqual([1, 2]);
		expect(noneLeftToVisit(store, D, WARD, rows)).toEqual([
			{ id: 3, name: 'Khu phố 3', households: 1 },
			{ id: 4, name: 'Khu phố 4', households: 0 }
		]);
	});

	it('counts as of the report day: the day before, khu phố 3 still had its household to visit', () => {
		const rows = householdsToVisit(store, '2026-11-24', WARD, 'neighborhood');
		expect(rows.map((h) => h.neighborhood_id)).toContain(3);
		expect(noneLeftToVisit(store, '2026-11-24', WARD, rows).map((n) => n.id)).toEqual([4]);
	});

	it('for one khu phố: itself when nothing is left, else nothing', () => {
		const three = householdsToVisit(store, D, scopeOf(3), 'address');
		expect(noneLeftToVisit(store, D, scopeOf(3), three)).toEqual([
			{ id: 3, name: 'Khu phố 3', households: 1 }
		]);
		const one = householdsToVisit(store, D, scopeOf(1), 'address');
		expect(noneLeftToVisit(store, D, scopeOf(1), one)).toEqual([]);
	});
});
