import { afterEach, describe, expect, it, vi } from 'vitest';
import { HelpCalls } from './help-calls.svelte';

const call = { id: 5, kiosk: 'tram-1', place: 'Nhà văn hoá khu phố 1', at: Date.now() };

/** GET /api/help answers `status`, with `help` as its list when 200. */
function serverSays(status: number, help = [call]) {
	vi.stubGlobal(
		'fetch',
		vi.fn(async () =>
			status === 200
				? Response.json({ help })
				: Response.json({ status: 'error', reason: 'x' }, { status })
		)
	);
}

describe('the calls a staff page reads', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('says the sign-in ended when the server refuses with 401, and drops calls it cannot answer', async () => {
		vi.stubGlobal('navigator', { vibrate: () => true });
		const calls = new HelpCalls([call]);
		serverSays(401);
		await calls.refresh();
		expect(calls.signedOut).toBe(true);
		expect(calls.shown).toEqual([]);
		// Signed in again (another tab): the calls come back, and the notice goes.
		serverSays(200);
		await calls.refresh();
		expect(calls.signedOut).toBe(false);
		expect(calls.shown).toEqual([call]);
	});

	it('keeps its list, and says nothing of signing in, when the server is away or in trouble', async () => {
		const calls = new HelpCalls([call]);
		serverSays(503);
		await calls.refresh();
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => {
				throw new TypeError('Failed to fetch');
			})
		);
		await calls.refresh();
		expect(calls.signedOut).toBe(false);
		expect(calls.shown).toEqual([call]);
	});
});
