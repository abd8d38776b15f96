import { randomBytes } from 'node:crypto';
import { hashSecret } from './auth/secrets';
import { readConfig, type AppConfig } from './config';
import { opHandlers, storeWatch } from './ops';
import type { DemoSeedPayload } from './seed/demo-ward';
import type { DataStore } from './store/data-store';
import { Store } from './store/store';

/** The running server's shared pieces. One per process, made in the `init` hook. */
export interface App {
	config: AppConfig;
	store: DataStore;
	startedAt: number;
}

let app: App | undefined;
let starting: Promise<App> | undefined;

export const DEMO_SEED = 20261125;

export function startApp(config: AppConfig = readConfig()): Promise<App> {
	starting ??= (async () => {
		const startedAt = Date.now();
		const store = await Store.open({
			dir: config.dataDir,
			handlers: opHandlers,
			watch: storeWatch
		});
		const empty = !store.db.value('SELECT count(*) FROM neighborhoods');
		if (empty && config.seed === 'demo') {
			const payload: DemoSeedPayload = {
				seed: DEMO_SEED,
				now: Date.now(),
				passwordHash: await hashSecret(config.demoPassword),
				pinHash: await hashSecret(config.demoPin),
				cardSecret: randomBytes(16).toString('hex')
			};
			const { residents } = await store.write<{ residents: number }>('demo.seed', payload);
			await store.snapshot();
			console.log(`Seeded the demo ward: ${residents} residents in ${config.dataDir}`);
		}
		if (config.seed === 'none' && !store.db.value('SELECT count(*) FROM users')) {
			await createFirstOfficer(store, config);
		}
		if (config.seed === 'demo') {
			console.log(
				`Demo accounts: quantri / truongkhu1 (password "${config.demoPassword}"), tinhnguyen1 (PIN ${config.demoPin})`
			);
		}
		app = { config, store, startedAt };
		return app;
	})();
	return starting;
}

/** Without ADMIN_PASSWORD a random one is made and printed once: never a known default. */
async function createFirstOfficer(store: DataStore, config: AppConfig): Promise<void> {
	const password = config.adminPassword ?? randomBytes(9).toString('base64url');
	await store.write('setup.firstOfficer', {
		username: config.adminUsername,
		passwordHash: await hashSecret(password)
	});
	console.log(
		config.adminPassword
			? `Created the ward officer account "${config.adminUsername}" with ADMIN_PASSWORD.`
			: `Created the ward officer account "${config.adminUsername}" with password: ${password} (shown once; change it after signing in)`
	);
}

export function getApp(): App {
	if (!app) throw new Error('app not started: the init hook opens the store');
	return app;
}

export async function stopApp(): Promise<void> {
	const current = app;
	app = undefined;
	starting = undefined;
	await current?.store.close();
}
