import { resolve } from 'node:path';

/** Everything the server reads from its environment, in one place, with the README's defaults. */
export interface AppConfig {
	dataDir: string;
	seed: 'demo' | 'none';
	demoPassword: string;
	demoPin: string;
	/** First officer account of an empty ward (SEED=none). */
	adminUsername: string;
	adminPassword: string | undefined;
	version: string;
	/** Check-ins per device: a burst of `capacity`, then `perSecond` (CHECKIN_LIMIT="240/4"). */
	checkinLimit: { capacity: number; perSecond: number };
}

export const DEFAULT_DEMO_PASSWORD = 'hatu2026';
export const DEFAULT_DEMO_PIN = '246810';

/** Enough for a phone's whole offline queue at once; a runaway client is stopped. */
export const DEFAULT_CHECKIN_LIMIT = { capacity: 240, perSecond: 4 };

/** "capacity/perSecond", e.g. "240/4"; anything else falls back to the default (and says so). */
function parseLimit(text: string | undefined): AppConfig['checkinLimit'] {
	if (!text) return DEFAULT_CHECKIN_LIMIT;
	const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text.trim());
	if (match && Number(match[1]) >= 1 && Number(match[2]) > 0) {
		return { capacity: Number(match[1]), perSecond: Number(match[2]) };
	}
	console.warn(`CHECKIN_LIMIT="${text}" is not "capacity/perSecond"; using the default 240/4.`);
	return DEFAULT_CHECKIN_LIMIT;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	return {
		dataDir: resolve(env.DATA_DIR || './data'),
		seed: env.SEED === 'none' ? 'none' : 'demo',
		demoPassword: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
		demoPin: env.DEMO_PIN || DEFAULT_DEMO_PIN,
		adminUsername: (env.ADMIN_USERNAME || 'quantri').toLowerCase(),
		adminPassword: env.ADMIN_PASSWORD || undefined,
		version: env.APP_VERSION || __APP_VERSION__,
		checkinLimit: parseLimit(env.CHECKIN_LIMIT)
	};
}
