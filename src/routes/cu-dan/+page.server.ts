import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { IMPORT_ROLES, roleHome } from '$lib/domain/actor';
import { NAME_SEARCH_TOO_SHORT, nameSearchTooShort } from '$lib/domain/checkin-people';
import { auditRead } from '$lib/server/services/audit';
import { positiveId } from '$lib/server/services/people';
import { listHouseholds, neighborhoodsFor, searchResidents } from '$lib/server/services/residents';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const store = getApp().store;
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	// A head is offered only their own khu phố; another one asked for is left out, not refused.
	const neighborhoods = neighborhoodsFor(store, actor);
	const asked = positiveId(url.searchParams.get('khu'));
	const khu = neighborhoods.some((n) => n.id === asked) ? asked : null;
	// Too short: said in the scanner's words, and no list — the last search's people must not
	// stay under a new search as if they matched it.
	const tooShort = q !== '' && nameSearchTooShort(q);
	const search = q && !tooShort ? searchResidents(store, actor, q) : undefined;
	if (search?.ok) {
		await auditRead(store, actor, {
			action: 'resident.search',
			detail: `${search.value.length} kết quả`
		});
	}
	return {
		home: roleHome(actor.role),
		q,
		khu,
		neighborhoods,
		results: search?.ok ? search.value : [],
		message: tooShort ? NAME_SEARCH_TOO_SHORT : search && !search.ok ? search.message : '',
		households: khu ? listHouseholds(store, actor, khu) : [],
		canImport: IMPORT_ROLES.includes(actor.role)
	};
}) satisfies PageServerLoad;
