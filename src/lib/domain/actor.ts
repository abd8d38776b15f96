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

/** Who may import a whole resident list (a volunteer registers people one by one). */
export const IMPORT_ROLES: Role[] = ['officer', 'head'];

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
