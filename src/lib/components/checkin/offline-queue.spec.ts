import { describe, expect, it } from 'vitest';
import { scanBody } from './offline-queue';

describe('scanBody', () => {
	it('sends a name-search scan by id, keeping the picked name on the device', () => {
		const body = scanBody(
			{
				nonce: 'n-12345678',
				sessionId: 3,
				residentId: 5,
				name: 'Hoàng Văn Năm',
				source: 'search',
				scannedAt: 7
			},
			9
		);
		expect(JSON.parse(body)).toEqual({
			nonce: 'n-12345678',
			sessionId: 3,
			residentId: 5,
			source: 'search',
			scannedAt: 7,
			sentAt: 9
		});
	});
});
