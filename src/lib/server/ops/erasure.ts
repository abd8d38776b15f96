import { likelySameName } from '../../domain/duplicates';
import { Problem } from '../http/problem';
import type { OpHandlers } from '../store/store';
import { appendAudit } from './audit';

export interface ErasePayload {
	residentId: number;
	device: string;
}

export interface ErasureResult {
	attendanceAnonymised: number;
	milestonesRemoved: number;
	cardsRemoved: number;
	consentsRemoved: number;
	lessonCompletionsUnlinked: number;
	householdRemoved: boolean;
}

/** Shown instead of a household head's name once that head's data is erased. */
export const ERASED_HEAD = 'Chủ hộ (đã xoá dữ liệu)';

/**
 * Erasure on request, in one op: all of it lands or none of it does (the store runs each op
 * in one transaction). The person and everything naming them goes; their attendance stays
 * as anonymous rows that keep session and khu phố, and count as one person (`erased_as`), so
 * every count of people stays right.
 */
export const erasureOps: OpHandlers = {
	'privacy.erase': (db, p: ErasePayload, ctx): ErasureResult => {
		const r = db.get<{ household_id: number; full_name: string; neighborhood_id: number }>(
			`SELECT r.household_id, r.full_name, h.neighborhood_id FROM residents r
			 JOIN households h ON h.id = r.household_id WHERE r.id = ?`,
			[p.residentId]
		);
		if (!r) throw new Problem(404, 'not_found', 'Không tìm thấy cư dân này (có thể đã xoá).');
		const id = p.residentId;
		// The rows stay one person in the reports under a number that names nobody (migration 0013).
		const erasedAs = db.value<number>('SELECT min(id) FROM attendance WHERE resident_id = ?', [id]);
		const attendanceAnonymised = db.run(
			'UPDATE attendance SET neighborhood_id = coalesce(neighborhood_id, ?), resident_id = NULL, erased_as = ? WHERE resident_id = ?',
			[r.neighborhood_id, erasedAs ?? null, id]
		).changes;
		const lessonCompletionsUnlinked = db.run(
			'UPDATE lesson_completions SET resident_id = NULL WHERE resident_id = ?',
			[id]
		).changes;
		const milestonesRemoved = db.run('DELETE FROM milestones WHERE resident_id = ?', [id]).changes;
		const cardsRemoved = db.run('DELETE FROM cards WHERE resident_id = ?', [id]).changes;
		const consentsRemoved = db.run('DELETE FROM consents WHERE resident_id = ?', [id]).changes;
		db.run('DELETE FROM residents WHERE id = ?', [id]);
		const left = db.value<number>('SELECT count(*) FROM residents WHERE household_id = ?', [
			r.household_id
		]);
		const householdRemoved = left === 0;
		if (householdRemoved) {
			db.run('DELETE FROM households WHERE id = ?', [r.household_id]);
		} else {
			// The head's name is typed on its own, maybe in capitals or without diacritics: the
			// duplicate rule's "the same person" decides, not an exact match.
			const head = db.value<string>('SELECT head_name FROM households WHERE id = ?', [
				r.household_id
			]);
			if (head !== undefined && likelySameName(head, r.full_name)) {
				db.run('UPDATE households SET head_name = ? WHERE id = ?', [ERASED_HEAD, r.household_id]);
			}
		}
		const result: ErasureResult = {
			attendanceAnonymised,
			milestonesRemoved,
			cardsRemoved,
			consentsRemoved,
			lessonCompletionsUnlinked,
			householdRemoved
		};
		// The audit row names the record by id only: the log must not keep what was erased.
		appendAudit(db, ctx, {
			action: 'resident.erase',
			subject: `resident:${id}`,
			detail: JSON.stringify(result),
			device: p.device
		});
		return result;
	}
};
