import { Problem } from '../http/problem';
import type { Db } from '../store/database';
import type { OpHandlers } from '../store/store';
import { appendAudit } from './audit';

export interface NeighborhoodCreatePayload {
	name: string;
}

export interface NeighborhoodRenamePayload {
	id: number;
	name: string;
}

/**
 * Two names that differ only in case, diacritics or spacing are one khu phố to the people
 * who pick it from a list ("Khu phố 9" and "khu pho 9"): the second is refused.
 */
function assertNameFree(db: Db, name: string, except: number | null): void {
	const clash = db.get<{ name: string }>(
		'SELECT name FROM neighborhoods WHERE vi_fold(name) = vi_fold(?) AND id IS NOT ? LIMIT 1',
		[name, except]
	);
	if (clash) throw new Problem(409, 'name_taken', `Đã có “${clash.name}”.`, 'name');
}

/** The ward officer adds and renames khu phố (wards merge and split; DESIGN.md, who does what). */
export const neighborhoodOps: OpHandlers = {
	'neighborhoods.create': (db, p: NeighborhoodCreatePayload, ctx) => {
		assertNameFree(db, p.name, null);
		const { lastId } = db.run(
			'INSERT INTO neighborhoods (name, sort) VALUES (?, (SELECT coalesce(max(sort), 0) + 1 FROM neighborhoods))',
			[p.name]
		);
		appendAudit(db, ctx, {
			action: 'neighborhood.create',
			subject: `neighborhood:${lastId}`,
			detail: p.name
		});
		return { id: lastId };
	},
	'neighborhoods.rename': (db, p: NeighborhoodRenamePayload, ctx) => {
		const before = db.value<string>('SELECT name FROM neighborhoods WHERE id = ?', [p.id]);
		if (before === undefined) throw new Problem(404, 'not_found', 'Không tìm thấy khu phố này.');
		// Saved without a change: nothing happened, so nothing is logged.
		if (before === p.name) return { changed: false };
		assertNameFree(db, p.name, p.id);
		db.run('UPDATE neighborhoods SET name = ? WHERE id = ?', [p.name, p.id]);
		appendAudit(db, ctx, {
			action: 'neighborhood.rename',
			subject: `neighborhood:${p.id}`,
			detail: `${before} → ${p.name}`
		});
		return { changed: true };
	}
};
