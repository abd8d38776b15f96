import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { readJsonObject } from '$lib/server/http/json-body';
import { auditRead } from '$lib/server/services/audit';
import { errorResponse, positiveId } from '$lib/server/services/people';
import { createResident, searchResidents } from '$lib/server/services/residents';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, request }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const result = await createResident(getApp().store, actor, body.value);
	return result.ok ? json(result.value, { status: 201 }) : errorResponse(result);
};

/**
 * `?q=nguyen van` (≥ 3 letters, diacritics ignored), optionally `&neighborhoodId=`, and
 * `&sessionId=` at a class: then each result has `checkedInAt` (ms, or null if not checked in
 * to that class yet) and the class's khu phố comes first. A head finds only their khu phố.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const store = getApp().store;
	const q = url.searchParams.get('q') ?? '';
	const hood = positiveId(url.searchParams.get('neighborhoodId')) ?? undefined;
	const sessionParam = url.searchParams.get('sessionId');
	const sessionId = sessionParam === null ? undefined : positiveId(sessionParam);
	if (sessionId === null) {
		return errorResponse({
			status: 400,
			reason: 'invalid_session',
			message: 'Mã buổi học không hợp lệ.'
		});
	}
	const result = searchResidents(store, actor, q.slice(0, 100), hood, sessionId);
	if (!result.ok) return errorResponse(result);
	await auditRead(store, actor, {
		action: 'resident.search',
		detail: `${result.value.length} kết quả`
	});
	return json(result.value);
};
