import { describe, expect, it } from 'vitest';
import { consentYear, underAgeIn } from '../../domain/consent';
import { demoStore } from '../services/privacy.testing';

describe("the demo ward's consents", () => {
	it("give every child their guardian's consent, by the head's name, in the consents' year", async () => {
		// Seeded in February: the consents (90 days earlier) are of the year before.
		const store = await demoStore(Date.UTC(2027, 1, 10, 3));
		const rows = store.db.all<{
			birth_year: number;
			method: string;
			guardian_name: string | null;
			taken_at: number;
			head_name: string;
		}>(
			`SELECT r.birth_year, c.method, c.guardian_name, c.taken_at, h.head_name
			 FROM consents c JOIN residents r ON r.id = c.resident_id
			 JOIN households h ON h.id = r.household_id`
		);
		const children = rows.filter((r) => underAgeIn(r.birth_year, consentYear(r.taken_at)));
		expect(children.length).toBeGreaterThan(0);
		// 17 in the consents' year 2026, 18 in 2027: a child when the consent was given.
		expect(children.some((r) => r.birth_year === 2009)).toBe(true);
		for (const child of children) {
			expect(child).toMatchObject({ method: 'guardian', guardian_name: child.head_name });
		}
		const adults = rows.filter((r) => !underAgeIn(r.birth_year, consentYear(r.taken_at)));
		expect(adults.every((r) => r.method === 'paper' && r.guardian_name === null)).toBe(true);
		await store.close();
	});
});
