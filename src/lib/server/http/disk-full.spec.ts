import { describe, expect, it } from 'vitest';
import { DiskFullError } from '../store/store';
import { answer } from './problem';

describe('a write refused because the disk is full', () => {
	it('is a 503 a phone keeps its scan for, with a Vietnamese reason, not a 500', async () => {
		const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
			code: 'ENOSPC'
		});
		const response = await answer(() => {
			throw new DiskFullError(full);
		});
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('30');
		const body = await response.json();
		expect(body).toMatchObject({ status: 'error', reason: 'disk_full' });
		expect(body.message).toMatch(/ổ đĩa đã đầy/);
	});
});
