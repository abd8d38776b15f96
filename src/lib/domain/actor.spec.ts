import { describe, expect, it } from 'vitest';
import { listedNeighborhood, roleHome, worksIn } from './actor';

const head = (neighborhoodId: number | null) => ({ role: 'head' as const, neighborhoodId });
const volunteer = { role: 'volunteer' as const, neighborhoodId: null };
const officer = { role: 'officer' as const, neighborhoodId: null };

describe('where a person works', () => {
	it('a head only in their own khu phố; volunteers and the officer everywhere', () => {
		expect(worksIn(head(2), 2)).toBe(true);
		expect(worksIn(head(2), 1)).toBe(false);
		expect(worksIn(head(null), 1)).toBe(false);
		expect(worksIn(volunteer, 1)).toBe(true);
		expect(worksIn(officer, 7)).toBe(true);
	});

	it('narrows a list to a head’s khu phố, and to nothing for another or none', () => {
		expect(listedNeighborhood(head(2), undefined)).toBe(2);
		expect(listedNeighborhood(head(2), 2)).toBe(2);
		expect(listedNeighborhood(head(2), 1)).toBeNull();
		expect(listedNeighborhood(head(null), undefined)).toBeNull();
		expect(listedNeighborhood(volunteer, undefined)).toBeUndefined();
		expect(listedNeighborhood(officer, 3)).toBe(3);
	});
});

describe('the way back home', () => {
	it('takes each role to where it works, named for it', () => {
		expect(roleHome('volunteer')).toEqual({
			href: '/tinh-nguyen',
			label: 'Trang tình nguyện viên'
		});
		expect(roleHome('head')).toEqual({ href: '/bao-cao', label: 'Báo cáo khu phố' });
		expect(roleHome('officer')).toEqual({ href: '/bao-cao', label: 'Báo cáo toàn phường' });
	});
});
