import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import {
	checkResident,
	createHousehold,
	createResident,
	listNeighborhoods,
	neighborTwins
} from '$lib/server/services/residents';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	return { actor, neighborhoods: listNeighborhoods(getApp().store) };
}) satisfies PageServerLoad;

export const actions = {
	/** The household and its head, who is also its first member: both or neither. */
	default: async ({ locals, request }) => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const form = Object.fromEntries(await request.formData()) as Record<string, string>;
		const store = getApp().store;
		const member = {
			fullName: form.fullName,
			birthYear: form.birthYear,
			phone: form.phone,
			relationship: 'Chủ hộ',
			consent: { method: form.consentMethod, takenBy: form.consentTakenBy }
		};
		// Check the person first, so a bad field never leaves an empty household behind.
		const checked = checkResident(member, Date.now());
		if (!checked.ok) return fail(400, { message: checked.message, values: form });
		// The same person registered twice (a second visit, another volunteer) is asked about,
		// not saved at once: two households of one person count twice in every report.
		if (form.allowDuplicate !== '1') {
			const { fullName, birthYear } = checked.value;
			const twins = neighborTwins(store, form.neighborhoodId, fullName, birthYear);
			if (twins.length > 0) {
				return fail(409, {
					message:
						'Khu phố này đã có người cùng họ tên và năm sinh. Xin xem lại; nếu đúng là người khác, đánh dấu ô bên dưới rồi lưu lại.',
					values: form,
					twins
				});
			}
		}
		const household = await createHousehold(store, actor, {
			neighborhoodId: form.neighborhoodId,
			address: form.address,
			headName: form.fullName
		});
		if (!household.ok) return fail(400, { message: household.message, values: form });
		const resident = await createResident(store, actor, {
			...member,
			householdId: household.value.id
		});
		if (!resident.ok) return fail(400, { message: resident.message, values: form });
		redirect(303, `/cu-dan/ho/${household.value.id}?moi=1`);
	}
} satisfies Actions;
