import { describe, expect, it } from 'vitest';
import { helpRequestPlace } from './checkin-people';

describe('helpRequestPlace', () => {
	it("names the kiosk's place, not its id", () => {
		const label = helpRequestPlace({ kiosk: 'tram-1', place: 'Nhà văn hoá khu phố 1' });
		expect(label).toBe('Nhà văn hoá khu phố 1');
		expect(label).not.toContain('tram-1');
	});

	it('names the id as a code only when there is no place', () => {
		expect(helpRequestPlace({ kiosk: 'tram-7', place: '  ' })).toBe(
			'Trạm mã “tram-7” (chưa ghi nơi đặt)'
		);
		expect(helpRequestPlace({ kiosk: '', place: '' })).toBe('Một trạm chưa ghi nơi đặt');
	});
});
