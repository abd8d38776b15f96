import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { idParam, isProblem } from '$lib/server/http/problem';
import { auditRead } from '$lib/server/services/audit';
import { eraseResident, exportResident, withdrawConsent } from '$lib/server/services/privacy';
import type { Actions, PageServerLoad } from './$types';

/** The readable copy of everything held about one person (audited as a view). */
export const load = (async ({ locals, params, request, getClientAddress }) => {
	const actor = requireRole(locals.actor, 'head', 'officer');
	try {
		const id = idParam(params.id, 'cư dân này');
		const device = deviceLabel(request, getClientAddress());
		const person = await exportResident(getApp().store, actor, id, 'view_data', device);
		return {
			person,
			canErase: actor.role === 'officer',
			viewer: actor.displayName,
			openedAt: Date.now()
		};
	} catch (e) {
		if (isProblem(e)) error(e.status, { message: e.message, reason: e.reason });
		throw e;
	}
}) satisfies PageServerLoad;

export const actions = {
	/** Printing is a disclosure too: recorded before the browser's print dialog opens. */
	print: async ({ locals, params, request, getClientAddress }) => {
		const actor = requireRole(locals.actor, 'head', 'officer');
		await auditRead(getApp().store, actor, {
			action: 'resident.print',
			subject: `resident:${idParam(params.id)}`,
			device: deviceLabel(request, getClientAddress())
		});
		return { printed: true };
	},
	withdraw: async ({ locals, params, request, getClientAddress }) => {
		const actor = requireRole(locals.actor, 'head', 'officer');
		const form = await request.formData();
		try {
			const device = deviceLabel(request, getClientAddress());
			const id = idParam(params.id, 'cư dân này');
			await withdrawConsent(getApp().store, actor, id, form.get('note'), device);
			return { withdrawn: true };
		} catch (e) {
			if (!isProblem(e)) throw e;
			return fail(e.status, { action: 'withdraw', message: e.message });
		}
	},
	erase: async ({ locals, params, request, getClientAddress }) => {
		const actor = requireRole(locals.actor, 'officer');
		const form = await request.formData();
		if (form.get('confirm') !== 'yes') {
			return fail(400, {
				action: 'erase',
				message: 'Xin đánh dấu ô xác nhận trước khi xoá: việc xoá không làm lại được.'
			});
		}
		try {
			const id = idParam(params.id, 'cư dân này');
			const device = deviceLabel(request, getClientAddress());
			await eraseResident(getApp().store, actor, id, device);
		} catch (e) {
			if (!isProblem(e)) throw e;
			return fail(e.status, { action: 'erase', message: e.message });
		}
		redirect(303, `/quan-tri/du-lieu-ca-nhan?erased=${params.id}`);
	}
} satisfies Actions;
