import { redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import { readAudit } from '$lib/server/services/audit';
import { erasureQueue } from '$lib/server/services/privacy';
import type { PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	const actor = requireRole(locals.actor, 'officer');
	const lookup = url.searchParams.get('id')?.trim();
	if (lookup && /^\d{1,12}$/.test(lookup)) redirect(303, `/cu-dan/${lookup}/du-lieu`);
	const store = getApp().store;
	const recent = (action: string) => readAudit(actor, store, { action, limit: 20 });
	const erased = url.searchParams.get('erased');
	const erasures = recent('resident.erase');
	return {
		erasedIds: erasures.map((e) => Number(e.subject.replace('resident:', ''))),
		pending: erasureQueue(store),
		erasures,
		withdrawals: recent('consent.withdraw'),
		exports: recent('resident.export'),
		erased: erased && /^\d{1,12}$/.test(erased) ? Number(erased) : null,
		badLookup: lookup !== undefined && lookup !== '' && !/^\d{1,12}$/.test(lookup)
	};
}) satisfies PageServerLoad;
