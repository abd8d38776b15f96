import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { IMPORT_ROLES } from '$lib/domain/actor';
import { auditRead } from '$lib/server/services/audit';
import { positiveId } from '$lib/server/services/people';
import { listHouseholds, listNeighborhoods, searchResidents } from '$lib/server/services/residents';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const store = getApp().store;
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const khu = positiveId(url.searchParams.get('khu'));
	const search = q ? searchResidents(store, q) : undefined;
	if (search?.ok) {
		await auditRead(store, actor, {
			action: 'resident.search',
			detail: `${search.value.length} kết quả`
		});
	}
	return {
		q,
		khu,
		neighborhoods: listNeighborhoods(store),
		results: search?.ok ? search.value : [],
		message: search && !search.ok ? search.message : '',
		households: khu ? listHouseholds(store, khu) : [],
		canImport: IMPORT_ROLES.includes(actor.role)
	};
}) satisfies PageServerLoad;
