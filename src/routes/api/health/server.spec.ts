import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoAppForFile } from '$lib/server/app.testing';
import type { DataStore } from '$lib/server/store/data-store';
import type { StoreStats } from '$lib/server/store/store';
import { GET } from './+server';

let store: DataStore;
const startedStore = demoAppForFile('ths-health-route-');
beforeAll(() => {
	store = startedStore();
});

const realStats = () => Object.getPrototypeOf(store).stats.call(store) as StoreStats;
/** The store as it reports itself when its disk misbehaves (see store.spec.ts for the real thing). */
const statsAs = (state: Partial<StoreStats>) => {
	store.stats = () => ({ ...realStats(), ...state });
};
afterEach(() => {
	delete (store as { stats?: unknown }).stats;
});

async function health() {
	const response = await GET({} as Parameters<typeof GET>[0]);
	return { status: response.status, body: await response.json() };
}

describe('GET /api/health', () => {
	it('is ok while the disk is full: a restart frees no space, and the server recovers by itself', async () => {
		statsAs({ refusingWrites: true, diskFull: true });
		const { status, body } = await health();
		expect(status).toBe(200);
		expect(body).toMatchObject({ ok: true, store: { diskFull: true } });
	});

	it('answers 503 when the disk failed otherwise, so the watchdog restarts the server', async () => {
		statsAs({ refusingWrites: true, diskFull: false });
		const { status, body } = await health();
		expect(status).toBe(503);
		expect(body).toMatchObject({ ok: false, store: { diskFull: false } });
	});

	it('is ok, disk not full, in ordinary times', async () => {
		const { status, body } = await health();
		expect(status).toBe(200);
		expect(body.store.diskFull).toBe(false);
	});
});
