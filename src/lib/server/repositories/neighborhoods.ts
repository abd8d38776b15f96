import type { Neighborhood } from '../../domain/checkin-people';
import type { Reads } from '../store/database';

/** Every khu phố, in the ward's order: the one list every form, report and import reads. */
export function neighborhoods(db: Reads): Neighborhood[] {
	return db.all<Neighborhood>('SELECT id, name FROM neighborhoods ORDER BY sort, id');
}

/** A khu phố as the officer manages it: how much hangs on it, and who heads it. */
export interface NeighborhoodSummary {
	id: number;
	name: string;
	households: number;
	residents: number;
	/** Display names of the active heads' accounts, in the order they were made. */
	heads: string[];
}

export function neighborhoodSummaries(db: Reads): NeighborhoodSummary[] {
	return db
		.all<{ id: number; name: string; households: number; residents: number; heads: string | null }>(
			`SELECT n.id, n.name,
				(SELECT count(*) FROM households h WHERE h.neighborhood_id = n.id) AS households,
				(SELECT count(*) FROM residents r JOIN households h ON h.id = r.household_id
					WHERE h.neighborhood_id = n.id) AS residents,
				(SELECT group_concat(display_name, char(10)) FROM
					(SELECT display_name FROM users
						WHERE neighborhood_id = n.id AND role = 'head' AND disabled = 0 ORDER BY id)) AS heads
			FROM neighborhoods n ORDER BY n.sort, n.id`
		)
		.map((n) => ({ ...n, heads: n.heads ? n.heads.split('\n') : [] }));
}
