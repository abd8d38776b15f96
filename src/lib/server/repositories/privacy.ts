import { addressLine } from '../../domain/checkin-people';
import type { Reads } from '../store/database';
import { residentConsents } from './residents';
import { walkthroughTitle } from '../../walkthroughs/catalog';

/** Where a resident belongs: enough to decide who may see them, without their data. */
/**
 * 1 when every consent the resident (`residentId`, a column or `?`) gave is withdrawn, 0 while
 * one stands, NULL with none: a scalar subquery, so a lookup on the check-in's path asks it in
 * the statement it already runs. Nothing new is recorded of a withdrawn person.
 */
export const consentWithdrawnSql = (residentId: string) =>
	`(SELECT min(withdrawn_at IS NOT NULL) FROM consents WHERE resident_id = ${residentId})`;

export interface ResidentScope {
	id: number;
	householdId: number;
	neighborhoodId: number;
}

export function residentScope(db: Reads, id: number): ResidentScope | undefined {
	const row = db.get<{ id: number; household_id: number; neighborhood_id: number }>(
		`SELECT r.id, r.household_id, h.neighborhood_id FROM residents r
		 JOIN households h ON h.id = r.household_id WHERE r.id = ?`,
		[id]
	);
	return row && { id: row.id, householdId: row.household_id, neighborhoodId: row.neighborhood_id };
}

/** A household's address as pages show it; one erased since (its last member) is said so. */
const placeOf = (address: string | null, neighborhood: string | null) =>
	address === null ? '(hộ đã xoá)' : addressLine(address, neighborhood ?? '');

/** Everything the store holds about one person (Law 91/2025/QH15: the right to a copy). */
export interface PersonalDataExport {
	resident: {
		id: number;
		fullName: string;
		birthYear: number;
		phone: string | null;
		relationship: string;
		createdAt: number;
		createdBy: string | null;
	};
	household: { id: number; address: string; headName: string; neighborhood: string };
	consents: Array<{
		method: string;
		takenBy: string;
		takenAt: number;
		withdrawnAt: number | null;
		/** Who consented for the person (method 'guardian'); null when not recorded. */
		guardianName: string | null;
	}>;
	cards: Array<{ code: string; issuedAt: number; revokedAt: number | null }>;
	milestones: Array<{
		skillCode: string;
		skillTitle: string;
		evidence: string;
		achievedOn: string;
		witness: string | null;
		recordedAt: number;
		undoneAt: number | null;
	}>;
	attendance: Array<{
		sessionTitle: string;
		place: string;
		startsAt: number;
		checkedInAt: number;
		source: string;
		volunteer: string | null;
	}>;
	lessonCompletions: Array<{ walkthroughId: string; title: string; kiosk: string; at: number }>;
	/** Each move to another household (migration 0015): when, and the addresses left and joined. */
	householdMoves: Array<{ at: number; from: string; to: string }>;
	/** Who looked at or changed this record, and when. */
	accessLog: Array<{ at: number; action: string; actor: string | null; device: string }>;
}

export function personalData(db: Reads, id: number): PersonalDataExport | undefined {
	const r = db.get<{
		id: number;
		full_name: string;
		birth_year: number;
		phone: string | null;
		relationship: string;
		created_at: number;
		created_by: string | null;
		household_id: number;
		address: string;
		head_name: string;
		neighborhood: string;
	}>(
		`SELECT r.id, r.full_name, r.birth_year, r.phone, r.relationship, r.created_at,
			u.display_name AS created_by, h.id AS household_id, h.address, h.head_name,
			n.name AS neighborhood
		 FROM residents r JOIN households h ON h.id = r.household_id
		 JOIN neighborhoods n ON n.id = h.neighborhood_id
		 LEFT JOIN users u ON u.id = r.created_by WHERE r.id = ?`,
		[id]
	);
	if (!r) return undefined;
	return {
		resident: {
			id: r.id,
			fullName: r.full_name,
			birthYear: r.birth_year,
			phone: r.phone,
			relationship: r.relationship,
			createdAt: r.created_at,
			createdBy: r.created_by
		},
		household: {
			id: r.household_id,
			address: r.address,
			headName: r.head_name,
			neighborhood: r.neighborhood
		},
		consents: residentConsents(db, id),
		cards: db
			.all<{ code: string; issued_at: number; revoked_at: number | null }>(
				'SELECT code, issued_at, revoked_at FROM cards WHERE resident_id = ? ORDER BY issued_at',
				[id]
			)
			.map((c) => ({ code: c.code, issuedAt: c.issued_at, revokedAt: c.revoked_at })),
		milestones: db
			.all<{
				skill_code: string;
				title: string;
				evidence: string;
				achieved_on: string;
				witness: string | null;
				recorded_at: number;
				undone_at: number | null;
			}>(
				`SELECT m.skill_code, s.title, m.evidence, m.achieved_on, u.display_name AS witness,
					m.recorded_at, m.undone_at
				 FROM milestones m JOIN skills s ON s.code = m.skill_code
				 LEFT JOIN users u ON u.id = m.witness_id
				 WHERE m.resident_id = ? ORDER BY m.achieved_on, m.id`,
				[id]
			)
			.map((m) => ({
				skillCode: m.skill_code,
				skillTitle: m.title,
				evidence: m.evidence,
				achievedOn: m.achieved_on,
				witness: m.witness,
				recordedAt: m.recorded_at,
				undoneAt: m.undone_at
			})),
		attendance: db
			.all<{
				title: string;
				place: string;
				starts_at: number;
				checked_in_at: number;
				source: string;
				volunteer: string | null;
			}>(
				`SELECT s.title, s.place, s.starts_at, a.checked_in_at, a.source,
					u.display_name AS volunteer
				 FROM attendance a JOIN class_sessions s ON s.id = a.session_id
				 LEFT JOIN users u ON u.id = a.volunteer_id
				 WHERE a.resident_id = ? ORDER BY a.checked_in_at`,
				[id]
			)
			.map((a) => ({
				sessionTitle: a.title,
				place: a.place,
				startsAt: a.starts_at,
				checkedInAt: a.checked_in_at,
				source: a.source,
				volunteer: a.volunteer
			})),
		lessonCompletions: db
			.all<{ walkthrough_id: string; kiosk: string; at: number }>(
				'SELECT walkthrough_id, kiosk, at FROM lesson_completions WHERE resident_id = ? ORDER BY at',
				[id]
			)
			.map((l) => ({
				walkthroughId: l.walkthrough_id,
				title: walkthroughTitle(l.walkthrough_id),
				kiosk: l.kiosk,
				at: l.at
			})),
		householdMoves: db
			.all<{
				at: number;
				from_address: string | null;
				from_nb: string | null;
				to_address: string | null;
				to_nb: string | null;
			}>(
				`SELECT m.at, hf.address AS from_address, nf.name AS from_nb,
					ht.address AS to_address, nt.name AS to_nb
				 FROM resident_moves m
				 LEFT JOIN households hf ON hf.id = m.from_household_id
				 LEFT JOIN neighborhoods nf ON nf.id = hf.neighborhood_id
				 LEFT JOIN households ht ON ht.id = m.to_household_id
				 LEFT JOIN neighborhoods nt ON nt.id = ht.neighborhood_id
				 WHERE m.resident_id = ? ORDER BY m.at, m.id`,
				[id]
			)
			.map((m) => ({
				at: m.at,
				from: placeOf(m.from_address, m.from_nb),
				to: placeOf(m.to_address, m.to_nb)
			})),
		accessLog: db.all<{ at: number; action: string; actor: string | null; device: string }>(
			`SELECT a.at, a.action, u.display_name AS actor, a.device FROM audit_log a
				 LEFT JOIN users u ON u.id = a.actor_id WHERE a.subject = ? ORDER BY a.id`,
			[`resident:${id}`]
		)
	};
}

/** Residents who withdrew consent and hold no other: their data waits to be erased. */
export interface PendingErasure {
	id: number;
	fullName: string;
	neighborhood: string;
	withdrawnAt: number;
}

export function pendingErasures(db: Reads): PendingErasure[] {
	return db
		.all<{ id: number; full_name: string; neighborhood: string; withdrawn_at: number }>(
			`SELECT r.id, r.full_name, n.name AS neighborhood,
				(SELECT max(withdrawn_at) FROM consents c WHERE c.resident_id = r.id) AS withdrawn_at
			 FROM residents r JOIN households h ON h.id = r.household_id
			 JOIN neighborhoods n ON n.id = h.neighborhood_id
			 WHERE EXISTS (SELECT 1 FROM consents c WHERE c.resident_id = r.id AND c.withdrawn_at IS NOT NULL)
			   AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.resident_id = r.id AND c.withdrawn_at IS NULL)
			 ORDER BY withdrawn_at`
		)
		.map((r) => ({
			id: r.id,
			fullName: r.full_name,
			neighborhood: r.neighborhood,
			withdrawnAt: r.withdrawn_at
		}));
}
