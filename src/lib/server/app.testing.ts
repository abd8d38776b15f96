import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { getApp, startApp, stopApp } from './app';
import { readConfig } from './config';
import type { DataStore } from './store/data-store';

/**
 * For route tests only: the whole app (hooks' store, config, ops) on a fresh demo ward in its
 * own folder, started before the file's tests and stopped after them, its start-up log quiet.
 * Returns how to reach the store once started.
 */
export function demoAppForFile(folderPrefix: string): () => DataStore {
	beforeAll(async () => {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		await startApp(
			readConfig({
				DATA_DIR: mkdtempSync(join(tmpdir(), folderPrefix)),
				SEED: 'demo',
				APP_VERSION: 'test'
			})
		);
	}, 60_000);
	afterAll(async () => {
		await stopApp();
		vi.restoreAllMocks();
	});
	return () => getApp().store;
}
