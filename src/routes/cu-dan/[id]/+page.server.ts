import { error, fail } from '@sveltejs/kit';
import { PERSONAL_DATA_ROLES } from '$lib/domain/actor';
import { changedFields } from '$lib/domain/resident-change';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { fieldErrors, positiveId } from '$lib/server/services/people';
import { reissueCard, revokeCard } from '$lib/server/services/cards';
import { updateResident } from '$lib/server/services/resident-edit';
import { formConsent, inFormWords, viewResident } from '$lib/server/services/residents';
import { vnDay } from '$lib/domain/time';
import { residentOf } from '$lib/server/services/scoped';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/server/http/form-text';

export const load = (async ({ locals, params, request, url, getClientAddress }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const id = positiveId(params.id) ?? 0;
	const device = deviceLabel(request, getClientAddress());
	const page = await viewResident(getApp().store, actor, id, device);
	if (!page.ok) error(page.status, page.message);
	// A head or the officer is asked here to withdraw a consent or give a copy: the page that
	// does it is linked from the person (it was reachable only by typing its address).
	// Back from "Chuyển sang hộ khác" (chuyen-ho): the move is said above the new address.
	return {
		...page.value,
		// Who takes a consent given again with a corrected birth year (EditResident), and when.
		takenBy: actor.displayName,
		today: vnDay(Date.now()),
		dataPage: PERSONAL_DATA_ROLES.includes(actor.role),
		moved: url.searchParams.has('da-chuyen')
	};
}) satisfies PageServerLoad;

export const actions = {
	/**
	 * "Sửa thông tin": the four fields, all sent (an empty phone removes it), and a consent
	 * when the form asked for one (a birth year that made the first a child's own). A refusal
	 * keeps what was typed; a new name is said to be not yet on the printed card (the-qr
	 * prints anew).
	 */
	edit: async ({ locals, params, request, getClientAddress }) => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const store = getApp().store;
		const id = positiveId(params.id) ?? 0;
		const form = formText(await request.formData());
		const before = residentOf(store, actor, id);
		const result = await updateResident(
			store,
			actor,
			id,
			{
				fullName: form.fullName ?? '',
				birthYear: form.birthYear ?? '',
				phone: form.phone ?? '',
				relationship: form.relationship ?? '',
				allowDuplicate: form.allowDuplicate === '1',
				// The consent's fields are in the form only once the server asked for them.
				consent: form.consentTakenBy !== undefined ? formConsent(form, Date.now()) : undefined
			},
			{ device: deviceLabel(request, getClientAddress()) }
		);
		if (!result.ok) {
			const edit = {
				...inFormWords(fieldErrors([result])),
				values: form,
				twins: result.twins ?? []
			};
			return fail(result.status, { edit });
		}
		const was = before.ok ? before.value.fullName : result.value.fullName;
		const oldName = was !== result.value.fullName ? was : null;
		// "Lưu" with nothing changed writes nothing (updateResident): the page must not say it saved.
		const changed = !before.ok || changedFields(before.value, result.value).length > 0;
		return { edited: { oldName, hasCard: result.value.cardCode !== null, changed } };
	},
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
