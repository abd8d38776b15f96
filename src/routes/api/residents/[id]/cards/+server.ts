import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { readJsonObject } from '$lib/server/http/json-body';
import { errorResponse, positiveId } from '$lib/server/services/people';
import { reissueCard, revokeCard } from '$lib/server/services/cards';
import type { RequestHandler } from './$types';

/**
 * `{"action":"reissue"}` revokes the live card and issues a new one;
 * `{"action":"revoke","code"}` revokes one card (lost). History stays.
 */
export const POST: RequestHandler = async ({ locals, request, params }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const id = positiveId(params.id);
	if (!id)
		return errorResponse({
			status: 404,
			reason: 'unknown_resident',
			message: 'Không tìm thấy người này.'
		});
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const { action, code } = body.value;
	const store = getApp().store;
	const result =
		action === 'reissue'
			? await reissueCard(store, actor, id)
			: action === 'revoke' && typeof code === 'string'
				? await revokeCard(store, actor, id, code)
				: ({
						ok: false,
						status: 400,
						reason: 'invalid',
						message: '"action" là "reissue" hoặc "revoke" (kèm "code").'
					} as const);
	return result.ok ? json(result.value, { status: 201 }) : errorResponse(result);
};
