import { expect, type APIRequestContext } from '@playwright/test';

interface Found {
	id: number;
	fullName: string;
	attendance: number;
}

/**
 * A resident of the demo ward in `neighborhood` who has attended classes, found through the
 * export API (the seed is deterministic, but ids are not part of its contract).
 */
export async function residentIn(
	officer: APIRequestContext,
	neighborhood: string,
	from = 1
): Promise<Found> {
	for (let id = from; id < from + 1500; id += 7) {
		const r = await officer.get(`/api/residents/${id}/export`);
		if (r.status() !== 200) continue;
		const data = await r.json();
		if (data.household.neighborhood === neighborhood && data.attendance.length >= 2) {
			return { id, fullName: data.resident.fullName, attendance: data.attendance.length };
		}
	}
	expect(false, `no resident with attendance in ${neighborhood}`).toBe(true);
	throw new Error('unreachable');
}
