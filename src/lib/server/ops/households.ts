import { foldVietnamese } from '../../domain/text';
import type { Db, Reads } from '../store/database';
import type { OpContext, OpHandlers } from '../store/store';
import { appendAudit } from './audit';
import { nextIdSql } from '../repositories/ids';
import { Problem } from '../http/problem';

export interface HouseholdCreatePayload {
	neighborhoodId: number;
	address: string;
	headName: string;
}

/** Inserts a household; shared by the single form and the import. Throws on a bad khu phố. */
export function insertHousehold(db: Db, ctx: OpContext, p: HouseholdCreatePayload): number {
	if (!db.value('SELECT count(*) FROM neighborhoods WHERE id = ?', [p.neighborhoodId])) {
		throw new Problem(404, 'unknown_neighborhood', 'Không có khu phố này.');
	}
	const id = db.run(
		`INSERT INTO households (id, neighborhood_id, address, head_name, created_at, created_by) VALUES (${nextIdSql('households')}, ?, ?, ?, ?, ?)`,
		[p.neighborhoodId, p.address, p.headName, ctx.at, ctx.actor]
	).lastId;
	appendAudit(db, ctx, {
		action: 'household.create',
		subject: `household:${id}`,
		detail: `khu phố ${p.neighborhoodId}`
	});
	return id;
}

/**
 * A list's households by khu phố and address, ignoring case, diacritics and spacing (the oldest
 * household when two addresses fold alike). A list of 2,000 rows used to fold every address of
 * the khu phố once per row inside SQLite (17 s for 2,000 rows against 2,000 households, every
 * check-in waiting meanwhile); here each khu phố is read and folded once.
 */
export class AddressBook {
	private byHood = new Map<number, Map<string, number>>();

	constructor(private db: Reads) {}

	find(neighborhoodId: number, address: string): number | undefined {
		return this.hood(neighborhoodId).get(foldVietnamese(address));
	}

	/** A household added while the list is imported: later rows find it, as they would in SQL. */
	add(neighborhoodId: number, address: string, id: number): void {
		const hood = this.hood(neighborhoodId);
		const key = foldVietnamese(address);
		if (!hood.has(key)) hood.set(key, id);
	}

	private hood(neighborhoodId: number): Map<string, number> {
		let hood = this.byHood.get(neighborhoodId);
		if (!hood) {
			hood = new Map();
			const rows = this.db.all<{ id: number; address: string }>(
				'SELECT id, address FROM households WHERE neighborhood_id = ? ORDER BY id',
				[neighborhoodId]
			);
			for (const { id, address } of rows) {
				const key = foldVietnamese(address);
				if (!hood.has(key)) hood.set(key, id);
			}
			this.byHood.set(neighborhoodId, hood);
		}
		return hood;
	}
}

export const householdOps: OpHandlers = {
	'households.create': (db, p: HouseholdCreatePayload, ctx) => ({
		id: insertHousehold(db, ctx, p)
	})
};
