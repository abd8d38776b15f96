import { CONSENT_LABELS } from '../../domain/checkin-people';
import { foldVietnamese } from '../../domain/text';
import type { Db } from '../store/database';
import type { OpContext, OpHandlers } from '../store/store';
import { appendAudit } from './audit';
import { nextIdSql } from '../repositories/ids';
import { consentWithdrawnSql } from '../repositories/privacy';
import { REASON_TEXT } from '../../domain/checkin';
import { Problem } from '../http/problem';
import { residentUpdateOps } from './resident-update';
import { insertConsent } from './consent-rows';

export type ConsentMethod = 'paper' | 'verbal' | 'guardian';

/** A consent as an op carries it (services/residents.ts checkConsent made it). */
export interface ConsentPayload {
	method: ConsentMethod;
	takenBy: string;
	at: number;
	/**
	 * The guardian who consented (method 'guardian'). Absent in ops journaled before it was
	 * asked (migration 0014): they replay as they ran, without a name (NULL).
	 */
	guardianName?: string;
}

export interface ResidentCreatePayload {
	householdId: number;
	fullName: string;
	birthYear: number;
	phone: string | null;
	relationship: string;
	consent: ConsentPayload;
	/** Made by the service from crypto randomness, so replay gives the same card. */
	cardCode: string;
}

/**
 * Inserts a resident with consent first and a card, in the caller's transaction: a resident
 * never exists without the consent that allowed storing them (Law 91/2025/QH15).
 */
export function insertResident(db: Db, ctx: OpContext, p: ResidentCreatePayload): number {
	if (!db.value('SELECT count(*) FROM households WHERE id = ?', [p.householdId])) {
		throw new Problem(404, 'unknown_household', 'Không có hộ gia đình này.');
	}
	const id = db.run(
		`INSERT INTO residents (id, household_id, full_name, name_folded, birth_year, phone, relationship, created_at, created_by) VALUES (${nextIdSql('residents')}, ?, ?, ?, ?, ?, ?, ?, ?)`,
		[
			p.householdId,
			p.fullName,
			foldVietnamese(p.fullName),
			p.birthYear,
			p.phone,
			p.relationship,
			ctx.at,
			ctx.actor
		]
	).lastId;
	insertConsent(db, id, p.consent);
	db.run('INSERT INTO cards (code, resident_id, issued_at) VALUES (?, ?, ?)', [
		p.cardCode,
		id,
		ctx.at
	]);
	// The guardian's name stays out of the audit line: an erasure removes the consent with the
	// person (ops/erasure.ts), and the log must not keep a name that names the family.
	appendAudit(db, ctx, {
		action: 'resident.create',
		subject: `resident:${id}`,
		detail: `Đồng ý: ${CONSENT_LABELS[p.consent.method].toLowerCase()}, do ${p.consent.takenBy} ghi nhận`
	});
	return id;
}

export interface CardReissuePayload {
	residentId: number;
	newCode: string;
}

export const residentOps: OpHandlers = {
	'residents.create': (db, p: ResidentCreatePayload, ctx) => ({ id: insertResident(db, ctx, p) }),
	...residentUpdateOps,

	/** Revokes every live card of the resident and issues a new one; old cards stay as history. */
	'cards.reissue': (db, p: CardReissuePayload, ctx) => {
		const resident = db.get<{ withdrawn: number | null }>(
			`SELECT ${consentWithdrawnSql('r.id')} AS withdrawn FROM residents r WHERE r.id = ?`,
			[p.residentId]
		);
		if (!resident) throw new Problem(404, 'unknown_resident', 'Không tìm thấy người này.');
		// A card is something new recorded of the person: not after they withdrew consent.
		if (resident.withdrawn === 1) {
			throw new Problem(409, 'consent_withdrawn', `${REASON_TEXT.consent_withdrawn}.`);
		}
		db.run('UPDATE cards SET revoked_at = ? WHERE resident_id = ? AND revoked_at IS NULL', [
			ctx.at,
			p.residentId
		]);
		db.run('INSERT INTO cards (code, resident_id, issued_at) VALUES (?, ?, ?)', [
			p.newCode,
			p.residentId,
			ctx.at
		]);
		appendAudit(db, ctx, { action: 'card.reissue', subject: `resident:${p.residentId}` });
		return { code: p.newCode };
	},

	/** A lost card: revoked, no new one yet. */
	'cards.revoke': (db, p: { code: string }, ctx) => {
		const row = db.get<{ resident_id: number }>(
			'SELECT resident_id FROM cards WHERE code = ? AND revoked_at IS NULL',
			[p.code]
		);
		if (!row) throw new Problem(404, 'unknown_card', 'Không có thẻ còn dùng với mã này.');
		db.run('UPDATE cards SET revoked_at = ? WHERE code = ?', [ctx.at, p.code]);
		appendAudit(db, ctx, { action: 'card.revoke', subject: `resident:${row.resident_id}` });
		return { residentId: row.resident_id };
	}
};
