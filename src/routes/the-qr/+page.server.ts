import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { cardSheet } from '$lib/server/services/cards';
import { positiveId } from '$lib/server/services/people';
import { listNeighborhoods } from '$lib/server/services/residents';
import type { PageServerLoad } from './$types';

/**
 * `?nguoi=<resident>` (a card just reissued), `?ho=<household>` or `?khu=<khu phố>`: an A4
 * sheet of cards, 10 a page.
 */
export const load = (async ({ locals, url }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const store = getApp().store;
	const residentId = positiveId(url.searchParams.get('nguoi'));
	const householdId = positiveId(url.searchParams.get('ho'));
	const neighborhoodId = positiveId(url.searchParams.get('khu'));
	const sheet = residentId
		? await cardSheet(store, actor, { residentId })
		: householdId
			? await cardSheet(store, actor, { householdId })
			: neighborhoodId
				? await cardSheet(store, actor, { neighborhoodId })
				: undefined;
	// Back to where the sheet was asked for: the person's or the household's page.
	const back = residentId
		? { href: `/cu-dan/${residentId}`, label: 'Hồ sơ cư dân' }
		: householdId
			? { href: `/cu-dan/ho/${householdId}`, label: 'Hộ gia đình' }
			: { href: '/tinh-nguyen', label: 'Trang tình nguyện viên' };
	return { sheet, back, neighborhoods: listNeighborhoods(store) };
}) satisfies PageServerLoad;
