import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { PERSONAL_DATA_ROLES } from '$lib/domain/actor';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { idParam, isProblem } from '$lib/server/http/problem';
import {
	eraseResident,
	exportResident,
	recordPrint,
	withdrawConsent
} from '$lib/server/services/privacy';
import type { Actions, PageServerLoad } from './$types';

/** The readable copy of everything held about one person (audited as a view). */
export const load = (async ({ locals, params, request, getClientAddress }) => {
	const actor = requireRole(locals.actor, ...PERSONAL_DATA_ROLES);
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

/** A service's refusal as this action's failure, shown on the page; anything else is a bug. */
function refused(action: string, e: unknown) {
	if (!isProblem(e)) throw e;
	return fail(e.status, { action, message: e.message });
}

export const actions = {
	/** Printing is a disclosure too: recorded before the browser's print dialog opens. */
	print: async ({ locals, params, request, getClientAddress }) => {
		const actor = requireRole(locals.actor, ...PERSONAL_DATA_ROLES);
		try {
			const id = idParam(params.id, 'cư dân này');
			await recordPrint(getApp().store, actor, id, deviceLabel(request, getClientAddress()));
			return { printed: true };
		} catch (e) {
			return refused('print', e);
		}
	},
	withdraw: async ({ locals, params, request, getClientAddress }) => {
		const actor = requireRole(locals.actor, ...PERSONAL_DATA_ROLES);
		const form = await request.formData();
		const note = form.get('note');
		// Asked like the erasure: there is no way back (the card stops checking in, the record
		// cannot be edited), and the button sat one slip away from "In bản sao".
		if (form.get('confirm') !== 'yes') {
			return fail(400, {
				action: 'withdraw',
				field: 'confirm',
				message: 'Xin đánh dấu ô xác nhận trước khi ghi nhận: việc rút lại không làm lại được.',
				...(typeof note === 'string' ? { note } : {})
			});
		}
		try {
			const device = deviceLabel(request, getClientAddress());
			const id = idParam(params.id, 'cư dân này');
			await withdrawConsent(getApp().store, actor, id, form.get('note'), device);
			return { withdrawn: true };
		} catch (e) {
			const no = refused('withdraw', e);
			// The note comes back to the field: a refusal loses nothing typed.
			return typeof note === 'string' ? fail(no.status, { ...no.data, note }) : no;
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
			return refused('erase', e);
		}
		redirect(303, `/quan-tri/du-lieu-ca-nhan?erased=${params.id}`);
	}
} satisfies Actions;
