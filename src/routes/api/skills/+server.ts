import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { skillsCatalogue } from '$lib/server/services/milestones';
import { apiActor } from '$lib/server/services/reports-http';
import type { RequestHandler } from './$types';

/** The skills catalogue: `[{"code","title","frameworkRef","area","sort"}]`. */
export const GET: RequestHandler = ({ locals }) => {
	const actor = apiActor(locals.actor, 'volunteer', 'head', 'officer');
	if (actor instanceof Response) return actor;
	return json(skillsCatalogue(getApp().store));
};
