import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { saveDefinitions, saveTarget, targetsView } from '$lib/server/services/coverage-admin';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals }) => {
	requireRole(locals.actor, 'officer');
	return targetsView(getApp().store);
}) satisfies PageServerLoad;

export const actions = {
	target: async ({ locals, request, getClientAddress }) => {
		const actor = requireRole(locals.actor, 'officer');
		const form = await request.formData();
		const device = deviceLabel(request, getClientAddress());
		const result = await saveTarget(getApp().store, actor, form, device);
		const id = Number(form.get('id'));
		if (!result.ok) {
			return fail(400, { action: 'target', id, message: result.message, field: result.field });
		}
		return { action: 'target', id, saved: true };
	},
	definitions: async ({ locals, request, getClientAddress }) => {
		const actor = requireRole(locals.actor, 'officer');
		const device = deviceLabel(request, getClientAddress());
		const form = await request.formData();
		const result = await saveDefinitions(getApp().store, actor, form, device);
		if (!result.ok) return fail(400, { action: 'definitions', id: 0, message: result.message });
		return { action: 'definitions', id: 0, saved: true };
	}
} satisfies Actions;
