import { Problem } from '../http/problem';
import type { Db } from '../store/database';
import type { OpHandlers } from '../store/store';
import { appendAudit } from './audit';
import { nextIdSql } from '../repositories/ids';

/**
 * The officer's device goes into the audit row, as for accounts (the log said "—" for every
 * khu phố change). Optional: ops journaled before it replay without one.
 */
interface FromDevice {
	device?: string;
}

export interface NeighborhoodCreatePayload extends FromDevice {
	name: string;
}

export interface NeighborhoodRenamePayload extends FromDevice {
	id: number;
	name: string;
}

export interface NeighborhoodMergePayload extends FromDevice {
	from: number;
	into: number;
}

/** Every table that says which khu phố something is in (resident_coverage follows households). */
const PLACED_IN_NEIGHBORHOOD = ['households', 'places', 'users', 'class_sessions', 'attendance'];

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

/** The ward officer adds, renames and merges khu phố (wards merge and split; DESIGN.md). */
export const neighborhoodOps: OpHandlers = {
	'neighborhoods.create': (db, p: NeighborhoodCreatePayload, ctx) => {
		assertNameFree(db, p.name, null);
		const { lastId } = db.run(
			`INSERT INTO neighborhoods (id, name, sort) VALUES (${nextIdSql('neighborhoods')}, ?, (SELECT coalesce(max(sort), 0) + 1 FROM neighborhoods))`,
			[p.name]
		);
		appendAudit(db, ctx, {
			action: 'neighborhood.create',
			subject: `neighborhood:${lastId}`,
			detail: p.name,
			device: p.device
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
			detail: `${before} → ${p.name}`,
			device: p.device
		});
		return { changed: true };
	},
	/**
	 * Two khu phố become one (the ward merged them): everything in `from` (households and so
	 * their residents, heads, places, classes, check-ins) moves to `into`, and `from` is gone.
	 * Reports then count its past with `into`'s, as the merged khu phố's own.
	 */
	'neighborhoods.merge': (db, p: NeighborhoodMergePayload, ctx) => {
		const name = (id: number) =>
			db.value<string>('SELECT name FROM neighborhoods WHERE id = ?', [id]);
		const from = name(p.from);
		const into = name(p.into);
		if (from === undefined || into === undefined) {
			throw new Problem(404, 'not_found', 'Không tìm thấy khu phố này.');
		}
		if (p.from === p.into) {
			throw new Problem(400, 'same_neighborhood', 'Xin chọn hai khu phố khác nhau.', 'into');
		}
		const households = db.value<number>(
			'SELECT count(*) FROM households WHERE neighborhood_id = ?',
			[p.from]
		)!;
		for (const table of PLACED_IN_NEIGHBORHOOD) {
			db.run(`UPDATE ${table} SET neighborhood_id = ? WHERE neighborhood_id = ?`, [p.into, p.from]);
		}
		db.run('DELETE FROM neighborhoods WHERE id = ?', [p.from]);
		appendAudit(db, ctx, {
			action: 'neighborhood.merge',
			subject: `neighborhood:${p.into}`,
			detail: `${from} → ${into} (${households} hộ)`,
			device: p.device
		});
		return { households };
	}
};
