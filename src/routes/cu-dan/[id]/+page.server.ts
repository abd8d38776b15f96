import { error, fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { positiveId } from '$lib/server/services/people';
import { reissueCard, revokeCard } from '$lib/server/services/cards';
import { viewResident } from '$lib/server/services/residents';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, request, getClientAddress }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const id = positiveId(params.id) ?? 0;
	const device = deviceLabel(request, getClientAddress());
	const page = await viewResident(getApp().store, actor, id, device);
	if (!page.ok) error(page.status, page.message);
	return page.value;
}) satisfies PageServerLoad;

export const actions = {
	reissue: async ({ locals, params }) => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const result = await reissueCard(getApp().store, actor, positiveId(params.id) ?? 0);
		return result.ok ? { reissued: true } : fail(result.status, { message: result.message });
	},
	revoke: async ({ locals, params, request }) => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const code = String((await request.formData()).get('code') ?? '');
		const result = await revokeCard(getApp().store, actor, positiveId(params.id) ?? 0, code);
		return result.ok ? { revoked: true } : fail(result.status, { message: result.message });
	}
} satisfies Actions;
