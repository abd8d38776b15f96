import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { buildSystemReport, gatherSystemFacts } from '$lib/server/services/system';
import type { PageServerLoad } from './$types';

export const load = (({ locals }) => {
	requireRole(locals.actor, 'officer');
	return { report: buildSystemReport(gatherSystemFacts(getApp())) };
}) satisfies PageServerLoad;
