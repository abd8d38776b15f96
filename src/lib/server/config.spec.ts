import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CHECKIN_LIMIT, readConfig } from './config';

describe('CHECKIN_LIMIT', () => {
	it('defaults to a burst of 240 then 4 a second per device', () => {
		expect(readConfig({}).checkinLimit).toEqual({ capacity: 240, perSecond: 4 });
	});

	it('reads "capacity/perSecond"', () => {
		expect(readConfig({ CHECKIN_LIMIT: '1000/50' }).checkinLimit).toEqual({
			capacity: 1000,
			perSecond: 50
		});
	});

	it('falls back to the default, with a warning, on anything else', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		for (const bad of ['lots', '0/4', '240/0', '240', '-1/4']) {
			expect(readConfig({ CHECKIN_LIMIT: bad }).checkinLimit).toEqual(DEFAULT_CHECKIN_LIMIT);
		}
		expect(warn).toHaveBeenCalledTimes(5);
		warn.mockRestore();
	});
});
