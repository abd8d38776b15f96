import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { readJsonObject } from '$lib/server/http/json-body';
import { mergeNeighborhoods } from '$lib/server/services/neighborhoods';
import { errorResponse, positiveId } from '$lib/server/services/people';
import type { RequestHandler } from './$types';

/**
 * `{"into"}` → 200 `{"id","households"}`: the ward officer merges khu phố `:id` into `into`
 * (everything in it moves, and it is gone; see ops/neighborhoods.ts). Not asked twice here:
 * a program that calls it has decided.
 */
export const POST: RequestHandler = async ({ locals, params, request, getClientAddress }) => {
	const actor = requireRole(locals.actor, 'officer');
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const into = positiveId(body.value.into);
	const device = deviceLabel(request, getClientAddress());
	const input = { from: params.id, into };
	const result = await mergeNeighborhoods(getApp().store, actor, input, device);
	return result.ok
		? json({ id: into, households: result.value.households })
		: errorResponse(result);
};
