import type { Actor, StaffNav } from '../../domain/actor';
import { accessFor } from './access';

/** The staff pages' main places, in the order the bar shows them. */
const PLACES = [
	{ href: '/tinh-nguyen', label: 'Buổi học' },
	{ href: '/cu-dan', label: 'Cư dân' },
	{ href: '/bao-cao', label: 'Báo cáo' },
	{ href: '/quan-tri', label: 'Quản trị' }
];

/**
 * What the staff bar shows a signed-in person: who they are and the places they may open.
 * The links come from the access table, so the bar never offers a page that answers 403.
 */
export function staffNav(actor: Actor): StaffNav {
	return {
		displayName: actor.displayName,
		links: PLACES.filter((place) => accessFor(place.href, actor) === 'allow')
	};
}
