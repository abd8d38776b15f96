import type { Db } from '../store/database';
import type { ConsentPayload } from './residents';

/** A consent stored for a resident: when registered (ops/residents.ts) and given again (ops/resident-update.ts). */
export function insertConsent(db: Db, residentId: number, c: ConsentPayload): void {
	db.run(
		'INSERT INTO consents (resident_id, method, taken_by, taken_at, guardian_name) VALUES (?, ?, ?, ?, ?)',
		[residentId, c.method, c.takenBy, c.at, c.guardianName ?? null]
	);
}
