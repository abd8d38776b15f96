import { addressKey } from '../../domain/checkin-people';
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
 * How two addresses of a khu phố are found to be one household: `folded` ignores case,
 * diacritics and spacing (import ops journaled before 'khu-pho' replay by it); 'khu-pho' is
 * domain addressKey, which also spaces punctuation alike and drops the khu phố's own name.
 */
export type AddressRule = 'folded' | 'khu-pho';

/**
 * A list's households by khu phố and address (the oldest household when two addresses read
 * alike). A list of 2,000 rows used to fold every address of the khu phố once per row inside
 * SQLite (17 s for 2,000 rows against 2,000 households, every check-in waiting meanwhile);
 * here each khu phố is read and folded once.
 */
export class AddressBook {
	private byHood = new Map<number, Map<string, number>>();
	private names = new Map<number, string>();

	constructor(
		private db: Reads,
		private rule: AddressRule = 'khu-pho'
	) {}

	/** The address as this book compares it. */
	key(neighborhoodId: number, address: string): string {
		if (this.rule === 'folded') return foldVietnamese(address);
		let name = this.names.get(neighborhoodId);
		if (name === undefined) {
			name =
				this.db.value<string>('SELECT name FROM neighborhoods WHERE id = ?', [neighborhoodId]) ??
				'';
			this.names.set(neighborhoodId, name);
		}
		return addressKey(address, name);
	}

	find(neighborhoodId: number, address: string): number | undefined {
		return this.hood(neighborhoodId).get(this.key(neighborhoodId, address));
	}

	/** A household added while the list is imported: later rows find it, as they would in SQL. */
	add(neighborhoodId: number, address: string, id: number): void {
		const hood = this.hood(neighborhoodId);
		const key = this.key(neighborhoodId, address);
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
				const key = this.key(neighborhoodId, address);
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
