import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { cardSheet } from '$lib/server/services/cards';
import { positiveId } from '$lib/server/services/people';
import { listNeighborhoods } from '$lib/server/services/residents';
import type { PageServerLoad } from './$types';

/** `?ho=<household>` or `?khu=<khu phố>`: an A4 sheet of cards, 10 a page. */
export const load = (async ({ locals, url }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const store = getApp().store;
	const householdId = positiveId(url.searchParams.get('ho'));
	const neighborhoodId = positiveId(url.searchParams.get('khu'));
	const sheet = householdId
		? await cardSheet(store, actor, { householdId })
		: neighborhoodId
			? await cardSheet(store, actor, { neighborhoodId })
			: undefined;
	return { sheet, neighborhoods: listNeighborhoods(store) };
}) satisfies PageServerLoad;
