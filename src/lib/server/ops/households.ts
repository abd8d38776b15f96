import { foldVietnamese } from '../../domain/text';
import type { Db, Reads } from '../store/database';
import type { OpContext, OpHandlers } from '../store/store';
import { appendAudit } from './audit';

export interface HouseholdCreatePayload {
	neighborhoodId: number;
	address: string;
	headName: string;
}

/** Inserts a household; shared by the single form and the import. Throws on a bad khu phố. */
export function insertHousehold(db: Db, ctx: OpContext, p: HouseholdCreatePayload): number {
	if (!db.value('SELECT count(*) FROM neighborhoods WHERE id = ?', [p.neighborhoodId])) {
		throw new Error(`no neighborhood ${p.neighborhoodId}`);
	}
	const id = db.run(
		'INSERT INTO households (neighborhood_id, address, head_name, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
		[p.neighborhoodId, p.address, p.headName, ctx.at, ctx.actor]
	).lastId;
	appendAudit(db, ctx, {
		action: 'household.create',
		subject: `household:${id}`,
		detail: `khu phố ${p.neighborhoodId}`
	});
	return id;
}

/** The same address in the same khu phố, ignoring case, diacritics and spacing. */
export function findHouseholdByAddress(
	db: Reads,
	neighborhoodId: number,
	address: string
): number | undefined {
	return db.value<number>(
		'SELECT id FROM households WHERE neighborhood_id = ? AND vi_fold(address) = ? ORDER BY id LIMIT 1',
		[neighborhoodId, foldVietnamese(address)]
	);
}

export const householdOps: OpHandlers = {
	'households.create': (db, p: HouseholdCreatePayload, ctx) => ({
		id: insertHousehold(db, ctx, p)
	})
};
