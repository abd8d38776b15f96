import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { fieldErrors } from '$lib/server/services/people';
import {
	checkHousehold,
	checkResident,
	createHousehold,
	createResident,
	formConsent,
	inFormWords,
	neighborhoodsFor,
	neighborTwins
} from '$lib/server/services/residents';
import { vnDay } from '$lib/domain/time';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/server/http/form-text';

export const load = (({ locals }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	// "Ngày đồng ý" starts at today, the last day it may be (Vietnam's day).
	return {
		actor,
		neighborhoods: neighborhoodsFor(getApp().store, actor),
		today: vnDay(Date.now())
	};
}) satisfies PageServerLoad;

export const actions = {
	/** The household and its head, who is also its first member: both or neither. */
	default: async ({ locals, request }) => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const form = formText(await request.formData());
		const store = getApp().store;
		const now = Date.now();
		const member = {
			fullName: form.fullName,
			birthYear: form.birthYear,
			phone: form.phone,
			relationship: 'Chủ hộ',
			consent: formConsent(form, now)
		};
		// Check the household and the person first, so a bad field never leaves an empty
		// household behind; and all of it at once, so it is corrected in one go.
		const household = checkHousehold(store, actor, {
			neighborhoodId: form.neighborhoodId,
			address: form.address,
			headName: form.fullName
		});
		const checked = checkResident(member, now);
		if (!checked.ok || !household.ok) {
			const shown = inFormWords(fieldErrors([checked, household], { headName: 'fullName' }));
			// Another khu phố than a head's own is refused as such (their select never offers it).
			const status = !household.ok && household.status === 403 ? 403 : 400;
			return fail(status, { ...shown, values: form });
		}
		// The same person registered twice (a second visit, another volunteer) is asked about,
		// not saved at once: two households of one person count twice in every report.
		if (form.allowDuplicate !== '1') {
			const { fullName, birthYear } = checked.value;
			const twins = neighborTwins(store, form.neighborhoodId, fullName, birthYear);
			if (twins.length > 0) {
				// LikelyTwins says what this is and asks; the message is for a page without it.
				return fail(409, {
					message: 'Khu phố này đã có người cùng họ tên và năm sinh.',
					values: form,
					twins
				});
			}
		}
		// Confirmed as another person: their household is another household too.
		const created = await createHousehold(store, actor, {
			...household.value,
			allowDuplicate: form.allowDuplicate === '1'
		});
		if (!created.ok) return fail(400, { ...fieldErrors([created]), values: form });
		// The head is asked about as any member is (duplicateOf): confirmed above, or no twin.
		const resident = await createResident(store, actor, {
			...member,
			householdId: created.value.id,
			allowDuplicate: form.allowDuplicate === '1'
		});
		if (!resident.ok) return fail(400, { ...inFormWords(fieldErrors([resident])), values: form });
		redirect(303, `/cu-dan/ho/${created.value.id}?moi=1`);
	}
} satisfies Actions;
