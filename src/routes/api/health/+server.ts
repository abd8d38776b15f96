import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import type { RequestHandler } from './$types';

/**
 * Liveness for the kiosk launcher, systemd and monitoring. Public, no personal data. A store
 * that refuses writes because the disk failed a journal write answers 503, so the watchdog
 * restarts the server, which recovers the store from its files. A full disk does not: a
 * restart cannot free space (it would start into a disk it cannot write, again and again),
 * while the running server goes on serving lessons and reads and takes writes again by
 * itself once space is freed. It says so in `store.diskFull`, and /quan-tri/he-thong in words.
 */
export const GET: RequestHandler = () => {
	const { config, store } = getApp();
	const stats = store.stats();
	const ok = !stats.refusingWrites || stats.diskFull;
	return json(
		{
			ok,
			version: config.version,
			store: {
				residents: store.db.value<number>('SELECT count(*) FROM residents') ?? 0,
				snapshotAgeSeconds: stats.snapshotAgeSeconds,
				journalOps: stats.journalOps,
				diskFull: stats.diskFull
			}
		},
		{ status: ok ? 200 : 503 }
	);
};
