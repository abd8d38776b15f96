import { formatRuleText, type SkillRule } from '../../domain/coverage';
import { formatTargetPercent } from '../../domain/format';
import { formatDay } from '../../domain/time';
import type { OpHandlers } from '../store/store';
import { appendAudit } from './audit';
import { milestoneOps, OpRejected } from './milestones';

export interface SetTargetPayload {
	id: number;
	percent: number;
	deadline: string;
	label: string;
	/** The officer's device, for the audit row (optional: older journaled ops have none). */
	device?: string;
}

export interface SetDefinitionsPayload {
	adultSkilled: SkillRule;
	householdCovered: SkillRule;
	adultMinAge: number;
	device?: string;
}

/** The ward officer edits the plan's targets and what "skilled" and "covered" mean. */
const coverageOps: OpHandlers = {
	'coverage.set_target': (db, p: SetTargetPayload, ctx) => {
		const { changes } = db.run(
			'UPDATE coverage_targets SET percent = ?, deadline = ?, label = ? WHERE id = ?',
			[p.percent, p.deadline, p.label, p.id]
		);
		if (changes === 0) throw new OpRejected('not_found', 'Không tìm thấy chỉ tiêu này.');
		appendAudit(db, ctx, {
			action: 'coverage.set_target',
			subject: `target:${p.id}`,
			detail: `${formatTargetPercent(p.percent)} đến ${formatDay(p.deadline)}: ${p.label}`,
			device: p.device
		});
	},
	'coverage.set_definitions': (db, p: SetDefinitionsPayload, ctx) => {
		const known = new Set(db.all<{ code: string }>('SELECT code FROM skills').map((r) => r.code));
		for (const code of [...p.adultSkilled.flat(), ...p.householdCovered.flat()]) {
			if (!known.has(code))
				throw new OpRejected('unknown_skill', `Không có mốc kỹ năng “${code}”.`);
		}
		const set = (key: string, value: string) =>
			db.run('UPDATE coverage_definitions SET value = ? WHERE key = ?', [value, key]);
		set('adult_skilled', JSON.stringify(p.adultSkilled));
		set('household_covered', JSON.stringify(p.householdCovered));
		set('adult_min_age', String(p.adultMinAge));
		// In words, as the form shows them: the log read as raw JSON ({"adultSkilled":[["M4"]…).
		// Sentences: a rule's own groups are already apart by ";".
		const detail = [
			`Người có kỹ năng số: ${formatRuleText(p.adultSkilled)}.`,
			`Hộ được phủ: ${formatRuleText(p.householdCovered)}.`,
			`Tuổi trưởng thành: từ ${p.adultMinAge}.`
		].join(' ');
		appendAudit(db, ctx, { action: 'coverage.set_definitions', detail, device: p.device });
	}
};

/** Everything issue 5 journals: milestones, targets and definitions. */
export const skillsOps: OpHandlers = { ...milestoneOps, ...coverageOps };
