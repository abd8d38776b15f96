import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { formatNumber } from '$lib/domain/format';
import { positiveId } from '$lib/server/services/people';
import {
	createNeighborhood,
	listNeighborhoodSummaries,
	mergeNeighborhoods,
	mergeQuestion,
	renameNeighborhood
} from '$lib/server/services/neighborhoods';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals }) => {
	requireRole(locals.actor, 'officer');
	return { neighborhoods: listNeighborhoodSummaries(getApp().store) };
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ locals, request, getClientAddress }) => {
		const actor = requireRole(locals.actor, 'officer');
		const name = String((await request.formData()).get('name') ?? '');
		const device = deviceLabel(request, getClientAddress());
		const result = await createNeighborhood(getApp().store, actor, { name }, device);
		if (!result.ok)
			return fail(result.status, { action: 'create', id: 0, name, message: result.message });
		return { action: 'create', id: result.value.id, message: `Đã thêm ${result.value.name}.` };
	},
	rename: async ({ locals, request, getClientAddress }) => {
		const actor = requireRole(locals.actor, 'officer');
		const form = await request.formData();
		const id = positiveId(form.get('id')) ?? 0;
		const name = String(form.get('name') ?? '');
		const device = deviceLabel(request, getClientAddress());
		const result = await renameNeighborhood(getApp().store, actor, id, { name }, device);
		if (!result.ok)
			return fail(result.status, { action: 'rename', id, name, message: result.message });
		const { name: now, changed } = result.value;
		return {
			action: 'rename',
			id,
			message: changed ? `Đã đổi tên thành ${now}.` : 'Tên không đổi.'
		};
	},
	/** Asked first (the answer says what will move); done when sent again with `confirmed`. */
	merge: async ({ locals, request, getClientAddress }) => {
		const actor = requireRole(locals.actor, 'officer');
		const form = await request.formData();
		const [from, into] = [positiveId(form.get('from')) ?? 0, positiveId(form.get('into')) ?? 0];
		const base = { action: 'merge', id: 0, from, into };
		const question = mergeQuestion(getApp().store, from, into);
		if (question && form.get('confirmed') !== '1') return { ...base, ask: true, message: question };
		const names = new Map(listNeighborhoodSummaries(getApp().store).map((n) => [n.id, n.name]));
		const device = deviceLabel(request, getClientAddress());
		const result = await mergeNeighborhoods(getApp().store, actor, { from, into }, device);
		if (!result.ok) {
			// "Into itself": the second list is the one to change.
			const field = result.reason === 'same_neighborhood' ? 'into' : undefined;
			return fail(result.status, { ...base, message: result.message, field });
		}
		return {
			...base,
			done: true,
			message: `Đã gộp ${names.get(from)} vào ${names.get(into)}: ${formatNumber(result.value.households)} hộ đã chuyển sang.`
		};
	}
} satisfies Actions;
