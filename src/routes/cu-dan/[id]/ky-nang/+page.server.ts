import { error, fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { recordMilestone, residentSkills, undoMilestone } from '$lib/server/services/milestones';
import { EVIDENCE_LABELS } from '$lib/server/repositories/milestones';
import { reasonFieldErrors } from '$lib/server/services/people';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const result = await residentSkills(getApp().store, actor, Number(params.id), Date.now());
	if (!result.ok) error(result.status, result.message);
	return { actor, evidenceLabels: EVIDENCE_LABELS, ...result.view };
}) satisfies PageServerLoad;

/** The field of the milestone form each refusal of recordMilestone is about (said under it). */
const RECORD_FIELDS: Record<string, string> = {
	unknown_skill: 'skill',
	bad_evidence: 'evidence',
	bad_date: 'date',
	future_date: 'date',
	too_old: 'date'
};

export const actions = {
	record: async ({ locals, params, request }) => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const form = await request.formData();
		const input = {
			skill: form.get('skill'),
			evidence: form.get('evidence'),
			date: form.get('date')
		};
		const result = await recordMilestone(
			getApp().store,
			actor,
			Number(params.id),
			input,
			Date.now()
		);
		if (!result.ok) {
			// What was chosen comes back, so a page without JavaScript shows the choice again
			// beside what is wrong with it (short: only codes and a day are ever valid here).
			const values = Object.fromEntries(
				Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 20) : ''])
			);
			return fail(result.status, {
				action: 'record',
				values,
				...reasonFieldErrors(result, RECORD_FIELDS)
			});
		}
		return { action: 'record', recorded: result.milestone.skill };
	},
	undo: async ({ locals, params, request }) => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const form = await request.formData();
		const result = await undoMilestone(
			getApp().store,
			actor,
			Number(params.id),
			Number(form.get('milestone'))
		);
		if (!result.ok) return fail(result.status, { action: 'undo', message: result.message });
		return { action: 'undo', undone: result.milestone.skill };
	}
} satisfies Actions;
