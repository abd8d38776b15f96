import { foldVietnamese } from '../../domain/text';
import { findTwin } from '../repositories/residents';
import type { OpHandlers } from '../store/store';
import { appendAudit } from './audit';
import { AddressBook, insertHousehold, type AddressRule } from './households';
import { insertResident, type ConsentPayload } from './residents';

export interface ImportRow {
	/** The row's line in the file, for messages. */
	row: number;
	neighborhoodId: number;
	address: string;
	headName: string;
	fullName: string;
	birthYear: number;
	phone: string | null;
	relationship: string;
	cardCode: string;
	/**
	 * The row's guardian (the list's "Người giám hộ" column): this person's consent is their
	 * guardian's, of the list's taker and time. Absent in rows journaled before the column, and
	 * in rows without one: the list's own consent, as before.
	 */
	guardianName?: string;
}

export interface ImportPayload {
	rows: ImportRow[];
	consent: ConsentPayload;
	fileName: string;
	/** Rows the service already found to be likely duplicates, left out of `rows`. */
	skipped?: number;
	/**
	 * `tones`: likely duplicates by domain/duplicates.ts (Hương and Hường are two people).
	 * Absent in ops journaled before that rule, which replay as they ran: same folded name.
	 */
	nameRule?: 'tones';
	/** How a row finds its household (ops/households.ts); absent in ops journaled before it. */
	addressRule?: AddressRule;
}

/**
 * Imports a checked list in one transaction: all rows or none. Households are matched by
 * khu phố and address; a likely duplicate of a person already in that household (same birth
 * year and name: domain/duplicates.ts) is skipped, never silently doubled. The service checked the same
 * rule for the preview; it is checked again here because the store may have changed since.
 */
export const importOps: OpHandlers = {
	'import.residents': (db, p: ImportPayload, ctx) => {
		const households = new AddressBook(db, p.addressRule ?? 'folded');
		const duplicates: number[] = [];
		let imported = 0;
		for (const row of p.rows) {
			let householdId = households.find(row.neighborhoodId, row.address);
			if (householdId === undefined) {
				householdId = insertHousehold(db, ctx, {
					neighborhoodId: row.neighborhoodId,
					address: row.address,
					headName: row.headName
				});
				households.add(row.neighborhoodId, row.address, householdId);
			}
			// Replay must rebuild what was acknowledged, so an op keeps the rule it was written
			// under (OpHandler: deterministic); new ops say they use the current one.
			const twin =
				p.nameRule === 'tones'
					? findTwin(db, householdId, row.fullName, row.birthYear)
					: db.value(
							'SELECT count(*) FROM residents WHERE household_id = ? AND name_folded = ? AND birth_year = ?',
							[householdId, foldVietnamese(row.fullName), row.birthYear]
						);
			if (twin) {
				duplicates.push(row.row);
				continue;
			}
			insertResident(db, ctx, {
				householdId,
				fullName: row.fullName,
				birthYear: row.birthYear,
				phone: row.phone,
				relationship: row.relationship,
				consent: row.guardianName
					? { ...p.consent, method: 'guardian', guardianName: row.guardianName }
					: p.consent,
				cardCode: row.cardCode
			});
			imported++;
		}
		appendAudit(db, ctx, {
			action: 'residents.import',
			subject: `file:${p.fileName}`.slice(0, 200),
			detail: `Đã nhập ${imported} người; bỏ qua ${(p.skipped ?? 0) + duplicates.length} dòng có thể trùng`
		});
		return { imported, duplicates };
	}
};
