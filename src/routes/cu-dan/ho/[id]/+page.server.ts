import { error, fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { auditRead } from '$lib/server/services/audit';
import { fieldErrors, positiveId } from '$lib/server/services/people';
import {
	createResident,
	formConsent,
	householdPage,
	inFormWords
} from '$lib/server/services/residents';
import { vnDay } from '$lib/domain/time';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/server/http/form-text';

export const load = (async ({ locals, params, url }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const store = getApp().store;
	const id = positiveId(params.id) ?? 0;
	const page = householdPage(store, actor, id);
	if (!page.ok) error(page.status, page.message);
	await auditRead(store, actor, { action: 'household.view', subject: `household:${id}` });
	return {
		actor,
		...page.value,
		created: url.searchParams.has('moi'),
		today: vnDay(Date.now())
	};
}) satisfies PageServerLoad;

export const actions = {
	add: async ({ locals, request, params }) => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const form = formText(await request.formData());
		const result = await createResident(getApp().store, actor, {
			householdId: positiveId(params.id),
			fullName: form.fullName,
			birthYear: form.birthYear,
			phone: form.phone,
			relationship: form.relationship,
			consent: formConsent(form, Date.now()),
			allowDuplicate: form.allowDuplicate === '1'
		});
		if (!result.ok) {
			return fail(result.status, {
				...inFormWords(fieldErrors([result])),
				reason: result.reason,
				values: form,
				// Likely someone of the khu phố already (in this household or another): named, asked.
				twins: result.twins ?? []
			});
		}
		return { added: result.value.fullName };
	}
} satisfies Actions;
