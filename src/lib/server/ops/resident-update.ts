import { likelySameName } from '../../domain/duplicates';
import {
	changeDetail,
	NO_EDIT_AFTER_WITHDRAWAL,
	type PersonFields
} from '../../domain/resident-change';
import { foldVietnamese } from '../../domain/text';
import { Problem } from '../http/problem';
import { consentWithdrawnSql } from '../repositories/privacy';
import type { Db } from '../store/database';
import type { OpHandlers } from '../store/store';
import { appendAudit } from './audit';
import { CONSENT_LABELS } from '../../domain/checkin-people';
import { insertConsent } from './consent-rows';
import type { ConsentPayload } from './residents';

/** A resident's fields as corrected (all four, checked by services/resident-edit.ts). */
export interface ResidentUpdatePayload extends PersonFields {
	residentId: number;
	device: string;
	/**
	 * A consent given again with a birth year that made the first one a child's own
	 * (services/resident-edit.ts consentForBirthYear). Absent when the consent still fits.
	 */
	consent?: ConsentPayload;
}

/**
 * Whether the household's head name is this person's: the head is stored as text of its own
 * (households.head_name, shown as "Hộ …" and on the household's card sheet), so a head whose
 * name is corrected must correct it too. A member who merely shares the head's name is not
 * the head, unless they are its only member of that name or marked "Chủ hộ".
 */
function isHead(db: Db, householdId: number, id: number, name: string, relationship: string) {
	const head = db.value<string>('SELECT head_name FROM households WHERE id = ?', [householdId]);
	if (head === undefined || !likelySameName(head, name)) return false;
	if (foldVietnamese(relationship) === 'chu ho') return true;
	const namesakes = db
		.all<{ id: number; full_name: string }>(
			'SELECT id, full_name FROM residents WHERE household_id = ?',
			[householdId]
		)
		.filter((r) => likelySameName(head, r.full_name));
	return namesakes.length === 1 && namesakes[0].id === id;
}

/** A resident moved to another household (services/resident-edit.ts checks who may, and where). */
export interface ResidentMovePayload {
	residentId: number;
	householdId: number;
	device: string;
}

export const residentUpdateOps: OpHandlers = {
	/**
	 * A resident's details corrected: the name (and its folded search key, so the name search
	 * finds the new name), birth year, phone and relationship, and the household's head name
	 * when it is theirs. Audited with what changed (changeDetail). Nothing is written of someone
	 * who withdrew consent.
	 */
	'residents.update': (db, p: ResidentUpdatePayload, ctx) => {
		const before = db.get<{
			full_name: string;
			birth_year: number;
			phone: string | null;
			relationship: string;
			household_id: number;
			withdrawn: number | null;
		}>(
			`SELECT full_name, birth_year, phone, relationship, household_id,
				${consentWithdrawnSql('r.id')} AS withdrawn FROM residents r WHERE r.id = ?`,
			[p.residentId]
		);
		if (!before) throw new Problem(404, 'unknown_resident', 'Không tìm thấy người này.');
		if (before.withdrawn === 1)
			throw new Problem(409, 'consent_withdrawn', NO_EDIT_AFTER_WITHDRAWAL);
		const old: PersonFields = {
			fullName: before.full_name,
			birthYear: before.birth_year,
			phone: before.phone,
			relationship: before.relationship
		};
		const detail = changeDetail(old, p);
		if (!detail) return { changed: false };
		const fullName = p.fullName.normalize('NFC');
		const headRenamed =
			old.fullName !== fullName &&
			isHead(db, before.household_id, p.residentId, old.fullName, old.relationship);
		db.run(
			`UPDATE residents SET full_name = ?, name_folded = ?, birth_year = ?, phone = ?,
				relationship = ? WHERE id = ?`,
			[fullName, foldVietnamese(fullName), p.birthYear, p.phone, p.relationship, p.residentId]
		);
		if (headRenamed) {
			db.run('UPDATE households SET head_name = ? WHERE id = ?', [fullName, before.household_id]);
		}
		const c = p.consent;
		if (c) insertConsent(db, p.residentId, c);
		// As registering's: the guardian's name stays out of the log (ops/residents.ts).
		const consented = c
			? `; ghi lại sự đồng ý: ${CONSENT_LABELS[c.method].toLowerCase()}, do ${c.takenBy} ghi nhận`
			: '';
		appendAudit(db, ctx, {
			action: 'resident.update',
			subject: `resident:${p.residentId}`,
			detail: `${detail}${headRenamed ? '; cũng là tên chủ hộ' : ''}${consented}`,
			device: p.device
		});
		return { changed: true };
	},

	/**
	 * A resident now lives in another household. The register keeps only the current one, so
	 * the move is kept too (resident_moves, migration 0015): the reports count a check-in for
	 * the household the person lived in when they came, and a past day's report stays what it
	 * was. Their check-ins keep the khu phố recorded with them. Audited with the khu phố only
	 * (the log outlives an erasure, and a household would point back at them); nothing is
	 * written of someone who withdrew consent.
	 */
	'residents.move': (db, p: ResidentMovePayload, ctx) => {
		const before = db.get<{ household_id: number; neighborhood_id: number; withdrawn: number }>(
			`SELECT r.household_id, h.neighborhood_id, ${consentWithdrawnSql('r.id')} AS withdrawn
			 FROM residents r JOIN households h ON h.id = r.household_id WHERE r.id = ?`,
			[p.residentId]
		);
		if (!before) throw new Problem(404, 'unknown_resident', 'Không tìm thấy người này.');
		if (before.withdrawn === 1)
			throw new Problem(409, 'consent_withdrawn', NO_EDIT_AFTER_WITHDRAWAL);
		const to = db.value<number>('SELECT neighborhood_id FROM households WHERE id = ?', [
			p.householdId
		]);
		if (to === undefined) throw new Problem(404, 'unknown_household', 'Không có hộ gia đình này.');
		if (before.household_id === p.householdId) return { moved: false };
		db.run(
			'INSERT INTO resident_moves (resident_id, from_household_id, to_household_id, at) VALUES (?, ?, ?, ?)',
			[p.residentId, before.household_id, p.householdId, ctx.at]
		);
		db.run('UPDATE residents SET household_id = ? WHERE id = ?', [p.householdId, p.residentId]);
		appendAudit(db, ctx, {
			action: 'resident.move',
			subject: `resident:${p.residentId}`,
			detail:
				before.neighborhood_id === to
					? `Chuyển sang hộ khác trong khu phố ${to}`
					: `Chuyển sang hộ khác: khu phố ${before.neighborhood_id} → khu phố ${to}`,
			device: p.device
		});
		return { moved: true };
	}
};
