import type { Actor } from '../../domain/actor';
import { formatTargetPercent } from '../../domain/format';
import { cleanText } from '../../domain/text';
import { formatDay } from '../../domain/time';
import {
	formatRuleText,
	isReportDay,
	parseRuleText,
	type CoverageTarget
} from '../../domain/coverage';
import { OpRejected } from '../ops/milestones';
import type { SetDefinitionsPayload, SetTargetPayload } from '../ops/coverage';
import { loadDefinitions, loadTargets } from '../repositories/coverage';
import { listSkills } from '../repositories/skills';
import type { DataStore } from '../store/data-store';

export interface TargetsView {
	targets: CoverageTarget[];
	definitions: {
		adultSkilled: string;
		householdCovered: string;
		adultMinAge: number;
		labels: Record<string, string>;
	};
	skills: Array<{ code: string; title: string }>;
}

export function targetsView(store: DataStore): TargetsView {
	const defs = loadDefinitions(store.db);
	return {
		targets: loadTargets(store.db),
		definitions: {
			adultSkilled: formatRuleText(defs.adultSkilled),
			householdCovered: formatRuleText(defs.householdCovered),
			adultMinAge: defs.adultMinAge,
			labels: defs.labels
		},
		skills: listSkills(store.db).map((s) => ({ code: s.code, title: s.title }))
	};
}

/** The deadlines a target may have (report days, yyyy-mm-dd, so they compare as text). */
export const DEADLINE_RANGE = { from: '2025-01-01', to: '2035-12-31' } as const;

/**
 * A percent as the officer types it: "80", "50,5", "50.5" or "80 %". Number() alone took
 * "0x50" as 80 and "1e2" as 100, and saved them; a written-out number is refused instead.
 * At most two decimals: "1.000" (a thousand, written the Vietnamese way) is not 1%.
 */
function parsePercent(value: unknown): number {
	const match = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*%?$/.exec(String(value ?? '').trim());
	return match ? Number(match[1].replace(',', '.')) : NaN;
}

/**
 * The percents a target's name gives: "80%", "80 %", "80,5%", "80 phần trăm" (the name is
 * cleaned first, so a full-width "％" is a "%" by then).
 */
export function saidPercents(label: string): number[] {
	return [...label.matchAll(/(\d+(?:[.,]\d+)?)\s*(?:%|phần\s+trăm)/giu)].map((m) =>
		Number(m[1].replace(',', '.'))
	);
}

/** A refusal names the field to correct when there is one (the form marks it). */
export type AdminResult =
	{ ok: true } | { ok: false; message: string; field?: 'percent' | 'deadline' | 'label' };

export async function saveTarget(
	store: DataStore,
	actor: Actor,
	form: FormData,
	device = ''
): Promise<AdminResult> {
	const id = Number(form.get('id'));
	const percent = parsePercent(form.get('percent'));
	const deadline = String(form.get('deadline') ?? '');
	const label = cleanText(String(form.get('label') ?? ''));
	if (!Number.isSafeInteger(id)) return { ok: false, message: 'Không tìm thấy chỉ tiêu này.' };
	// The rule the message states: 0,5 is not "from 1 to 100" (it was saved, and the report
	// then called a target of half a percent met).
	if (!Number.isFinite(percent) || percent < 1 || percent > 100) {
		return { ok: false, field: 'percent', message: 'Tỷ lệ phải là một số từ 1 đến 100.' };
	}
	if (!isReportDay(deadline)) {
		return { ok: false, field: 'deadline', message: 'Hạn hoàn thành không hợp lệ.' };
	}
	// A typo such as 01/01/1990 made the report say "đã quá hạn 13484 ngày". The movement
	// began in 2025; ten years on is as far as a ward plans.
	if (deadline < DEADLINE_RANGE.from || deadline > DEADLINE_RANGE.to) {
		const [from, to] = [DEADLINE_RANGE.from, DEADLINE_RANGE.to].map(formatDay);
		return {
			ok: false,
			field: 'deadline',
			message: `Hạn hoàn thành phải trong khoảng ${from} đến ${to}.`
		};
	}
	if (label.length < 3 || label.length > 200) {
		return { ok: false, field: 'label', message: 'Tên chỉ tiêu cần từ 3 đến 200 ký tự.' };
	}
	// The name usually says the percent too ("80% người trưởng thành…"). Changed in one place
	// only, the report read "80% … còn thiếu … để đạt 80,5%". Every percent the name gives is
	// checked, not the first only ("từ 80% lên 100%" saved as an 80% target), and one written
	// in words ("80 phần trăm") as well. Refused rather than rewritten: only the officer knows
	// which of the two numbers is the one meant.
	const said = saidPercents(label).find((n) => n !== percent);
	if (said !== undefined) {
		return {
			ok: false,
			field: 'label',
			message: `Tên chỉ tiêu ghi ${formatTargetPercent(said)} nhưng tỷ lệ là ${formatTargetPercent(percent)}. Xin sửa cho khớp.`
		};
	}
	const payload: SetTargetPayload = { id, percent, deadline, label, device };
	return write(store, 'coverage.set_target', payload, actor);
}

export async function saveDefinitions(
	store: DataStore,
	actor: Actor,
	form: FormData,
	device = ''
): Promise<AdminResult> {
	const known = new Set(listSkills(store.db).map((s) => s.code));
	const adult = parseRuleText(String(form.get('adultSkilled') ?? ''), known);
	if (!adult.ok) return { ok: false, message: `Người có kỹ năng số: ${adult.message}` };
	const household = parseRuleText(String(form.get('householdCovered') ?? ''), known);
	if (!household.ok) return { ok: false, message: `Hộ được phủ: ${household.message}` };
	// Digits only, as for the percent: Number() took "0x12" as 18.
	const typedAge = String(form.get('adultMinAge') ?? '').trim();
	const age = /^\d{1,2}$/.test(typedAge) ? Number(typedAge) : NaN;
	if (!Number.isInteger(age) || age < 10 || age > 30) {
		return { ok: false, message: 'Tuổi trưởng thành phải là số nguyên từ 10 đến 30.' };
	}
	const payload: SetDefinitionsPayload = {
		adultSkilled: adult.rule,
		householdCovered: household.rule,
		adultMinAge: age,
		device
	};
	return write(store, 'coverage.set_definitions', payload, actor);
}

async function write(store: DataStore, type: string, payload: unknown, actor: Actor) {
	try {
		await store.write(type, payload, actor.id);
		return { ok: true } as const;
	} catch (error) {
		if (error instanceof OpRejected) return { ok: false, message: error.message } as const;
		throw error;
	}
}
