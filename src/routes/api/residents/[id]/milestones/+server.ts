import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { readJsonObject } from '$lib/server/http/json-body';
import { recordMilestone, residentSkills } from '$lib/server/services/milestones';
import { apiActor, failJson } from '$lib/server/services/reports-http';
import type { RequestHandler } from './$types';

/** A resident's milestones, undone ones included (history is kept). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const actor = apiActor(locals.actor, 'volunteer', 'head', 'officer');
	if (actor instanceof Response) return actor;
	const result = await residentSkills(getApp().store, actor, Number(params.id), Date.now());
	if (!result.ok) return failJson(result);
	const { resident, history, held, household } = result.view;
	return json({ resident, milestones: history, held, household });
};

/** `{"skill":"M4","evidence":"witnessed"|"real","date"?:"YYYY-MM-DD"}`; the witness is the caller. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const actor = apiActor(locals.actor, 'volunteer', 'head', 'officer');
	if (actor instanceof Response) return actor;
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const result = await recordMilestone(
		getApp().store,
		actor,
		Number(params.id),
		body.value,
		Date.now()
	);
	if (!result.ok) return failJson(result);
	return json({ status: 'ok', milestone: result.milestone }, { status: 201 });
};
