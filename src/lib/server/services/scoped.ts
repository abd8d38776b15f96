/**
 * One resident or household looked up for an actor: not there is 404; a head asking about
 * another khu phố's is 403 (`worksIn`), said the same way on every page and API.
 */
import { worksIn, type Actor } from '../../domain/actor';
import type { Household, Resident } from '../../domain/checkin-people';
import { getHousehold, getResident } from '../repositories/residents';
import type { DataStore } from '../store/data-store';
import { fail, ok, type Result } from './people';

export const NOT_YOUR_RESIDENT = 'Cư dân này không ở khu phố của bạn.';
export const NOT_YOUR_HOUSEHOLD = 'Hộ này không ở khu phố của bạn.';

export function residentOf(store: DataStore, actor: Actor, id: number): Result<Resident> {
	const resident = getResident(store.db, id);
	if (!resident) return fail(404, 'unknown_resident', 'Không tìm thấy người này.');
	if (!worksIn(actor, resident.neighborhoodId)) {
		return fail(403, 'forbidden', NOT_YOUR_RESIDENT);
	}
	return ok(resident);
}

export function householdOf(store: DataStore, actor: Actor, id: number): Result<Household> {
	const household = getHousehold(store.db, id);
	if (!household) return fail(404, 'unknown_household', 'Không có hộ gia đình này.');
	if (!worksIn(actor, household.neighborhoodId)) {
		return fail(403, 'forbidden', NOT_YOUR_HOUSEHOLD);
	}
	return ok(household);
}
