import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/access';
import type { CardsOf } from '$lib/server/repositories/residents';
import { cardSheet } from '$lib/server/services/cards';
import { positiveId } from '$lib/server/services/people';
import { neighborhoodsFor } from '$lib/server/services/residents';
import type { PageServerLoad } from './$types';

/** `?nguoi=<resident>` (a card just reissued), `?ho=<household>` or `?khu=<khu phố>`. */
const KINDS = { nguoi: 'resident', ho: 'household', khu: 'neighborhood' } as const;

function sheetAsked(url: URL): CardsOf | undefined {
	for (const [param, kind] of Object.entries(KINDS)) {
		const id = positiveId(url.searchParams.get(param));
		if (id) return { kind, id };
	}
	return undefined;
}

/** Back to where the sheet was asked for: the person's or the household's page. */
const HOME = { href: '/tinh-nguyen', label: 'Trang tình nguyện viên' };
const BACK: Record<CardsOf['kind'], (id: number) => { href: string; label: string }> = {
	resident: (id) => ({ href: `/cu-dan/${id}`, label: 'Hồ sơ cư dân' }),
	household: (id) => ({ href: `/cu-dan/ho/${id}`, label: 'Hộ gia đình' }),
	neighborhood: () => HOME
};

/** An A4 sheet of cards, 10 a page. */
export const load = (async ({ locals, url }) => {
	const actor = requireRole(locals.actor, 'volunteer', 'head', 'officer');
	const store = getApp().store;
	const by = sheetAsked(url);
	const sheet = by && (await cardSheet(store, actor, by));
	if (sheet && !sheet.ok) error(sheet.status, sheet.message);
	return {
		sheet: sheet?.value,
		back: by ? BACK[by.kind](by.id) : HOME,
		neighborhoods: neighborhoodsFor(store, actor)
	};
}) satisfies PageServerLoad;
