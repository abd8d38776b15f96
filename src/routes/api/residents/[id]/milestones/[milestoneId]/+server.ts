import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { undoMilestone } from '$lib/server/services/milestones';
import { apiActor, failJson } from '$lib/server/services/reports-http';
import type { RequestHandler } from './$types';

/** Undoes a milestone recorded today (kept in the history, marked as undone). */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const actor = apiActor(locals.actor, 'volunteer', 'head', 'officer');
	if (actor instanceof Response) return actor;
	const result = await undoMilestone(
		getApp().store,
		actor,
		Number(params.id),
		Number(params.milestoneId)
	);
	if (!result.ok) return failJson(result);
	return json({ status: 'ok', milestone: result.milestone });
};
