import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import type { RequestHandler } from './$types';

/**
 * Liveness for the kiosk launcher, systemd and monitoring. Public, no personal data. A store
 * that refuses writes (the disk failed a journal write) answers 503, so the watchdog restarts
 * the server, which recovers the store from its files.
 */
export const GET: RequestHandler = () => {
	const { config, store } = getApp();
	const stats = store.stats();
	const ok = !stats.refusingWrites;
	return json(
		{
			ok,
			version: config.version,
			store: {
				residents: store.db.value<number>('SELECT count(*) FROM residents') ?? 0,
				snapshotAgeSeconds: stats.snapshotAgeSeconds,
				journalOps: stats.journalOps
			}
		},
		{ status: ok ? 200 : 503 }
	);
};
