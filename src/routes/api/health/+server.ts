import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import type { RequestHandler } from './$types';

/** Liveness for the kiosk launcher, systemd and monitoring. Public, no personal data. */
export const GET: RequestHandler = () => {
	const { config, store } = getApp();
	const stats = store.stats();
	return json({
		ok: true,
		version: config.version,
		store: {
			residents: store.db.value<number>('SELECT count(*) FROM residents') ?? 0,
			snapshotAgeSeconds: stats.snapshotAgeSeconds,
			journalOps: stats.journalOps
		}
	});
};
