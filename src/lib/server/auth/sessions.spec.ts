import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp, stopApp } from '../app';
import { readConfig } from '../config';
import type { DataStore } from '../store/data-store';
import { actorForToken, login, logout } from './sessions';

let store: DataStore;
const PASSWORD = 'mat-khau-rat-dai-1';

beforeEach(async () => {
	vi.spyOn(console, 'log').mockImplementation(() => {});
	({ store } = await startApp(
		readConfig({
			DATA_DIR: mkdtempSync(join(tmpdir(), 'ths-sessions-')),
			SEED: 'none',
			ADMIN_PASSWORD: PASSWORD,
			APP_VERSION: 'test'
		})
	));
});
afterEach(async () => {
	await stopApp();
	vi.restoreAllMocks();
});

async function signIn() {
	const result = await login(store, 'quantri', PASSWORD, 'test');
	if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
	return result;
}

// actorForToken remembers who is behind a cookie; these check that it forgets at once.
describe('the session behind a cookie', () => {
	it('is the signed-in officer, on every request', async () => {
		const { token, actor } = await signIn();
		expect(actorForToken(store, token)?.username).toBe('quantri');
		expect(actorForToken(store, token)).toEqual(actor);
		expect(actorForToken(store, `${token}x`)).toBeNull();
		expect(actorForToken(store, undefined)).toBeNull();
	});

	it('ends at once on sign-out, while another session of the same account goes on', async () => {
		const first = await signIn();
		const second = await signIn();
		expect(actorForToken(store, first.token)).not.toBeNull();
		await logout(store, first.token, first.actor.id);
		expect(actorForToken(store, first.token)).toBeNull();
		expect(actorForToken(store, second.token)?.id).toBe(second.actor.id);
	});

	it('ends at once when the account is disabled', async () => {
		const { token, actor } = await signIn();
		expect(actorForToken(store, token)).not.toBeNull();
		// Another officer first: the ward's last working officer cannot be stopped.
		const other = { username: 'canbo2', displayName: 'Cán bộ Hai', role: 'officer' };
		await store.write('accounts.create', { ...other, neighborhoodId: null, secretHash: 'x' });
		await store.write('accounts.setDisabled', { userId: actor.id, disabled: true, device: 't' });
		expect(actorForToken(store, token)).toBeNull();
	});

	it('ends when it expires, even if it was just used', async () => {
		const { token, expiresAt } = await signIn();
		expect(actorForToken(store, token, expiresAt - 1)).not.toBeNull();
		expect(actorForToken(store, token, expiresAt)).toBeNull();
	});
});
