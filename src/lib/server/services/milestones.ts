import { worksIn, type Actor } from '../../domain/actor';
import { householdStatus, isReportDay } from '../../domain/coverage';
import { DAY_MS, vnDay, vnDayStart } from '../../domain/time';
import { OpRejected, type RecordMilestonePayload } from '../ops/milestones';
import { loadDefinitions } from '../repositories/coverage';
import {
	householdMembersSkills,
	milestoneById,
	milestonesOf,
	residentSummary,
	type Evidence,
	type Milestone,
	type ResidentSummary
} from '../repositories/milestones';
import { residentLessonsDone, type LessonDone } from '../repositories/residents';
import { listSkills, skillExists, type Skill } from '../repositories/skills';
import type { DataStore } from '../store/data-store';
import { auditRead } from './audit';
import type { Failure } from './coverage';
import { NOT_YOUR_RESIDENT } from './scoped';

/** How far back a milestone may be dated (a class last month, noted late). */
const MAX_BACKDATE_DAYS = 366;

const fail = (status: number, reason: string, message: string): Failure => ({
	ok: false,
	status,
	reason,
	message
});

export function skillsCatalogue(store: DataStore): Skill[] {
	return listSkills(store.db);
}

/** The resident, if there and in the actor's khu phố (domain/actor.ts `worksIn`). */
function residentFor(
	store: DataStore,
	actor: Actor,
	residentId: number
): { ok: true; resident: ResidentSummary } | Failure {
	const resident = Number.isSafeInteger(residentId)
		? residentSummary(store.db, residentId)
		: undefined;
	if (!resident) return fail(404, 'not_found', 'Không tìm thấy cư dân này.');
	if (!worksIn(actor, resident.neighborhoodId)) {
		return fail(403, 'forbidden', NOT_YOUR_RESIDENT);
	}
	return { ok: true, resident };
}

export interface ResidentSkillsView {
	resident: ResidentSummary;
	skills: Skill[];
	history: Milestone[];
	/** Codes the resident holds now (not undone), with the best evidence. */
	held: Record<string, { evidence: Evidence; achievedOn: string }>;
	household: {
		covered: boolean;
		missing: string[][];
		members: Array<{ id: number; fullName: string; skills: string[] }>;
	};
	/** Lessons finished at a kiosk with their card: what to ask about before recording a skill. */
	lessonsDone: LessonDone[];
	today: string;
}

export async function residentSkills(
	store: DataStore,
	actor: Actor,
	residentId: number,
	now: number
): Promise<{ ok: true; view: ResidentSkillsView } | Failure> {
	const found = residentFor(store, actor, residentId);
	if (!found.ok) return found;
	const history = milestonesOf(store.db, residentId);
	const held: ResidentSkillsView['held'] = {};
	for (const m of [...history].reverse()) {
		if (m.undoneAt !== null) continue;
		if (!held[m.skill] || m.evidence === 'real') {
			held[m.skill] = { evidence: m.evidence, achievedOn: m.achievedOn };
		}
	}
	const members = householdMembersSkills(store.db, found.resident.householdId);
	const rule = loadDefinitions(store.db).householdCovered;
	const status = householdStatus(
		members.map((m) => m.skills),
		rule
	);
	await auditRead(store, actor, {
		action: 'milestone.view',
		subject: `resident:${residentId}`
	});
	return {
		ok: true,
		view: {
			resident: found.resident,
			skills: listSkills(store.db),
			history,
			held,
			household: { covered: status.covered, missing: status.closestMissing, members },
			lessonsDone: residentLessonsDone(store.db, residentId),
			today: vnDay(now)
		}
	};
}

export interface RecordInput {
	skill?: unknown;
	evidence?: unknown;
	date?: unknown;
}

/** Checks the input, then journals the milestone with the actor as its witness. */
export async function recordMilestone(
	store: DataStore,
	actor: Actor,
	residentId: number,
	input: RecordInput,
	now: number
): Promise<{ ok: true; milestone: Milestone } | Failure> {
	const found = residentFor(store, actor, residentId);
	if (!found.ok) return found;
	if (typeof input.skill !== 'string' || !skillExists(store.db, input.skill)) {
		return fail(400, 'unknown_skill', 'Chọn một mốc kỹ năng trong danh mục (M0–M10).');
	}
	if (input.evidence !== 'witnessed' && input.evidence !== 'real') {
		return fail(
			400,
			'bad_evidence',
			'Bằng chứng phải là “làm được trước tình nguyện viên” hoặc “đã làm thật”.'
		);
	}
	const today = vnDay(now);
	const date = input.date === undefined || input.date === '' ? today : input.date;
	if (typeof date !== 'string' || !isReportDay(date)) {
		return fail(400, 'bad_date', 'Ngày không hợp lệ (cần dạng YYYY-MM-DD).');
	}
	if (date > today) return fail(400, 'future_date', 'Không ghi mốc cho ngày chưa tới.');
	if (vnDayStart(today) - vnDayStart(date) > MAX_BACKDATE_DAYS * DAY_MS) {
		return fail(400, 'too_old', 'Chỉ ghi được mốc trong vòng một năm trở lại.');
	}
	const payload: RecordMilestonePayload = {
		residentId,
		skill: input.skill,
		evidence: input.evidence,
		achievedOn: date
	};
	try {
		const { id } = await store.write<{ id: number }>('milestones.record', payload, actor.id);
		return { ok: true, milestone: milestoneById(store.db, id)! };
	} catch (error) {
		if (error instanceof OpRejected) return fail(409, error.reason, error.message);
		throw error;
	}
}

/** Undoes a milestone recorded today; the row stays, marked, for history. */
export async function undoMilestone(
	store: DataStore,
	actor: Actor,
	residentId: number,
	milestoneId: number
): Promise<{ ok: true; milestone: Milestone } | Failure> {
	const found = residentFor(store, actor, residentId);
	if (!found.ok) return found;
	if (!Number.isSafeInteger(milestoneId)) {
		return fail(404, 'not_found', 'Không tìm thấy mốc kỹ năng này.');
	}
	try {
		await store.write('milestones.undo', { residentId, milestoneId }, actor.id);
		return { ok: true, milestone: milestoneById(store.db, milestoneId)! };
	} catch (error) {
		if (error instanceof OpRejected) {
			const status = error.reason === 'not_found' ? 404 : error.reason === 'forbidden' ? 403 : 409;
			return fail(status, error.reason, error.message);
		}
		throw error;
	}
}
