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
}

export const DEFAULT_DEMO_PASSWORD = 'hatu2026';
export const DEFAULT_DEMO_PIN = '246810';

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	return {
		dataDir: resolve(env.DATA_DIR || './data'),
		seed: env.SEED === 'none' ? 'none' : 'demo',
		demoPassword: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
		demoPin: env.DEMO_PIN || DEFAULT_DEMO_PIN,
		adminUsername: (env.ADMIN_USERNAME || 'quantri').toLowerCase(),
		adminPassword: env.ADMIN_PASSWORD || undefined,
		version: env.APP_VERSION || __APP_VERSION__
	};
}
