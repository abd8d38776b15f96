export type Role = 'officer' | 'head' | 'volunteer';

/** Who is making a request: a signed-in user. The kiosk's residents are never actors. */
export interface Actor {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	/** A head's khu phố; null for the ward officer and volunteers. */
	neighborhoodId: number | null;
}

/** Where each role works: it lands there after signing in, unless it came from somewhere. */
export const ROLE_HOME: Record<Role, string> = {
	volunteer: '/tinh-nguyen',
	head: '/bao-cao',
	officer: '/bao-cao'
};

/** What each role's home (ROLE_HOME) is called on a link back to it. */
const ROLE_HOME_LABELS: Record<Role, string> = {
	volunteer: 'Trang tình nguyện viên',
	head: 'Báo cáo khu phố',
	officer: 'Báo cáo toàn phường'
};

/**
 * The way back to where each role works, as a page names it ("‹ Báo cáo khu phố"): a head
 * sent from the residents' list to the volunteers' page landed somewhere not theirs.
 */
export function roleHome(role: Role): { href: string; label: string } {
	return { href: ROLE_HOME[role], label: ROLE_HOME_LABELS[role] };
}

/**
 * Who answers a kiosk's call for help ("Tôi đến ngay"): everyone who runs classes at the
 * cultural house, heads and the officer too — the resident waits for whoever is nearest.
 * The same people see the call on every staff page (the staff bar's banner).
 */
export const HELP_ROLES: Role[] = ['volunteer', 'head', 'officer'];

/** Who may import a whole resident list (a volunteer registers people one by one). */
export const IMPORT_ROLES: Role[] = ['officer', 'head'];

/**
 * Who opens a resident's personal data (/cu-dan/[id]/du-lieu): a copy for them, and their
 * consent withdrawn at their request. A volunteer registers people and takes consent, but the
 * person's requests about their data go to their head or the ward.
 */
export const PERSONAL_DATA_ROLES: Role[] = ['head', 'officer'];

export const ROLE_LABELS: Record<Role, string> = {
	officer: 'Cán bộ phường',
	head: 'Trưởng khu phố',
	volunteer: 'Tình nguyện viên'
};

/** What the staff bar shows a signed-in person (built on the server from the access table). */
export interface StaffNav {
	displayName: string;
	links: Array<{ href: string; label: string }>;
}

/**
 * The one rule of where a person works: a head only with their own khu phố's households and
 * residents (a head not yet given a khu phố, with none); volunteers and the officer with all.
 * Every page, API and report that touches residents asks this, so the rule cannot drift.
 */
export function worksIn(
	actor: Pick<Actor, 'role' | 'neighborhoodId'>,
	neighborhoodId: number
): boolean {
	return actor.role !== 'head' || actor.neighborhoodId === neighborhoodId;
}

/**
 * The khu phố a list or search covers for this actor: the one asked for (undefined: all),
 * narrowed to a head's own. `null` when nothing may be listed: a head asking for another
 * khu phố, or not yet given one. Lists leave others out rather than refuse.
 */
export function listedNeighborhood(
	actor: Pick<Actor, 'role' | 'neighborhoodId'>,
	requested: number | undefined
): number | undefined | null {
	if (actor.role !== 'head') return requested;
	if (actor.neighborhoodId === null) return null;
	return requested === undefined || worksIn(actor, requested) ? actor.neighborhoodId : null;
}
