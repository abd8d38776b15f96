import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { listNeighborhoods } from '$lib/server/services/residents';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	requireRole(locals.actor, 'volunteer', 'head', 'officer');
	return json(listNeighborhoods(getApp().store));
};
