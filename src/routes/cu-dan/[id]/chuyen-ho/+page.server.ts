import { error, fail, redirect } from '@sveltejs/kit';
import { hasWordsTyped } from '$lib/domain/checkin-people';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { deviceLabel } from '$lib/server/auth/cookies';
import { consentWithdrawn } from '$lib/server/repositories/residents';
import { auditRead } from '$lib/server/services/audit';
import { positiveId } from '$lib/server/services/people';
import { moveResident } from '$lib/server/services/resident-edit';
import { listHouseholds, neighborhoodsFor } from '$lib/server/services/residents';
import { residentOf } from '$lib/server/services/scoped';
import type { Actions, PageServerLoad } from './$types';

/**
 * "Chuyển sang hộ khác": the households of one khu phố (the person's own first; a head sees
 * only theirs), narrowed by `?q=` (words of the address or head's name, in any order, without
 * diacritics or commas), each with a button that moves the person there.
 */
export const load = (async ({ locals, params, url, request, getClientAddress }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const store = getApp().store;
	const found = residentOf(store, actor, positiveId(params.id) ?? 0);
	if (!found.ok) error(found.status, found.message);
	const resident = found.value;
	// The page shows who they are and where they live: a view of their record, audited as the
	// person's own page is.
	await auditRead(store, actor, {
		action: 'resident.view',
		subject: `resident:${resident.id}`,
		device: deviceLabel(request, getClientAddress())
	});
	const neighborhoods = neighborhoodsFor(store, actor);
	const asked = positiveId(url.searchParams.get('khu'));
	const khu = neighborhoods.some((n) => n.id === asked) ? asked! : resident.neighborhoodId;
	const q = (url.searchParams.get('q') ?? '').slice(0, 100).trim();
	const households = listHouseholds(store, actor, khu).filter(
		(h) => h.id !== resident.householdId && hasWordsTyped(`${h.address} ${h.headName}`, q)
	);
	return {
		resident,
		withdrawn: consentWithdrawn(store.db, resident.id),
		neighborhoods,
		khu,
		q,
		households
	};
}) satisfies PageServerLoad;

export const actions = {
	move: async ({ locals, params, request, getClientAddress }) => {
		const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
		const id = positiveId(params.id) ?? 0;
		const form = await request.formData();
		const result = await moveResident(getApp().store, actor, id, form.get('householdId'), {
			device: deviceLabel(request, getClientAddress())
		});
		if (!result.ok) return fail(result.status, { message: result.message });
		redirect(303, `/cu-dan/${id}?da-chuyen=1`);
	}
} satisfies Actions;
