import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { positiveId } from '$lib/server/services/people';
import {
	createNeighborhood,
	listNeighborhoodSummaries,
	renameNeighborhood
} from '$lib/server/services/neighborhoods';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals }) => {
	requireRole(locals.actor, 'officer');
	return { neighborhoods: listNeighborhoodSummaries(getApp().store) };
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ locals, request }) => {
		const actor = requireRole(locals.actor, 'officer');
		const name = String((await request.formData()).get('name') ?? '');
		const result = await createNeighborhood(getApp().store, actor, { name });
		if (!result.ok)
			return fail(result.status, { action: 'create', id: 0, name, message: result.message });
		return { action: 'create', id: result.value.id, message: `Đã thêm ${result.value.name}.` };
	},
	rename: async ({ locals, request }) => {
		const actor = requireRole(locals.actor, 'officer');
		const form = await request.formData();
		const id = positiveId(form.get('id')) ?? 0;
		const name = String(form.get('name') ?? '');
		const result = await renameNeighborhood(getApp().store, actor, id, { name });
		if (!result.ok)
			return fail(result.status, { action: 'rename', id, name, message: result.message });
		const { name: now, changed } = result.value;
		return {
			action: 'rename',
			id,
			message: changed ? `Đã đổi tên thành ${now}.` : 'Tên không đổi.'
		};
	}
} satisfies Actions;
