import type { Reads } from '../store/database';

export type Evidence = 'witnessed' | 'real';

export const EVIDENCE_LABELS: Record<Evidence, string> = {
	witnessed: 'Làm được trước tình nguyện viên',
	real: 'Đã làm thật'
};

export interface Milestone {
	id: number;
	residentId: number;
	skill: string;
	evidence: Evidence;
	achievedOn: string;
	witnessId: number | null;
	witness: string | null;
	recordedAt: number;
	undoneAt: number | null;
	undoneBy: string | null;
}

interface MilestoneRow {
	id: number;
	resident_id: number;
	skill_code: string;
	evidence: Evidence;
	achieved_on: string;
	witness_id: number | null;
	witness: string | null;
	recorded_at: number;
	undone_at: number | null;
	undone_by: string | null;
}

const fromRow = (r: MilestoneRow): Milestone => ({
	id: r.id,
	residentId: r.resident_id,
	skill: r.skill_code,
	evidence: r.evidence,
	achievedOn: r.achieved_on,
	witnessId: r.witness_id,
	witness: r.witness,
	recordedAt: r.recorded_at,
	undoneAt: r.undone_at,
	undoneBy: r.undone_by
});

const SELECT = `SELECT m.id, m.resident_id, m.skill_code, m.evidence, m.achieved_on, m.witness_id,
		w.display_name AS witness, m.recorded_at, m.undone_at, u.display_name AS undone_by
	FROM milestones m LEFT JOIN users w ON w.id = m.witness_id LEFT JOIN users u ON u.id = m.undone_by`;

/** Every milestone of a resident, undone ones too (history is kept), newest first. */
export function milestonesOf(db: Reads, residentId: number): Milestone[] {
	return db
		.all<MilestoneRow>(`${SELECT} WHERE m.resident_id = ? ORDER BY m.recorded_at DESC, m.id DESC`, [
			residentId
		])
		.map(fromRow);
}

export function milestoneById(db: Reads, id: number): Milestone | undefined {
	const row = db.get<MilestoneRow>(`${SELECT} WHERE m.id = ?`, [id]);
	return row ? fromRow(row) : undefined;
}

export interface ResidentSummary {
	id: number;
	fullName: string;
	birthYear: number;
	householdId: number;
	address: string;
	neighborhoodId: number;
	neighborhood: string;
}

export function residentSummary(db: Reads, id: number): ResidentSummary | undefined {
	const row = db.get<{
		id: number;
		full_name: string;
		birth_year: number;
		household_id: number;
		address: string;
		neighborhood_id: number;
		neighborhood: string;
	}>(
		`SELECT r.id, r.full_name, r.birth_year, r.household_id, h.address, h.neighborhood_id,
			n.name AS neighborhood
		FROM residents r JOIN households h ON h.id = r.household_id
		JOIN neighborhoods n ON n.id = h.neighborhood_id WHERE r.id = ?`,
		[id]
	);
	return row
		? {
				id: row.id,
				fullName: row.full_name,
				birthYear: row.birth_year,
				householdId: row.household_id,
				address: row.address,
				neighborhoodId: row.neighborhood_id,
				neighborhood: row.neighborhood
			}
		: undefined;
}

/** Active (not undone) skill codes of each member of a household, for the roll-up. */
export function householdMembersSkills(
	db: Reads,
	householdId: number
): Array<{ id: number; fullName: string; skills: string[] }> {
	const rows = db.all<{ id: number; full_name: string; skills: string | null }>(
		`SELECT r.id, r.full_name,
			(SELECT group_concat(DISTINCT m.skill_code) FROM milestones m
				WHERE m.resident_id = r.id AND m.undone_at IS NULL) AS skills
		FROM residents r WHERE r.household_id = ? ORDER BY r.id`,
		[householdId]
	);
	return rows.map((r) => ({
		id: r.id,
		fullName: r.full_name,
		skills: r.skills ? r.skills.split(',') : []
	}));
}
