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

export const ROLE_LABELS: Record<Role, string> = {
	officer: 'Cán bộ phường',
	head: 'Trưởng khu phố',
	volunteer: 'Tình nguyện viên'
};
