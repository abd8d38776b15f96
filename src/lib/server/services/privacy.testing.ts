import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../domain/actor';
import { hashSecret } from '../auth/secrets';
import { opHandlers, storeWatch } from '../ops';
import type { DemoSeedPayload } from '../seed/demo-ward';
import type { DataStore } from '../store/data-store';
import { Store } from '../store/store';

/** For unit tests only: a store in a fresh folder holding the demo ward, and its actors. */
export async function demoStore(now = Date.UTC(2026, 10, 25, 3)): Promise<Store> {
	const dir = mkdtempSync(join(tmpdir(), 'ths-sec-'));
	const store = await Store.open({
		dir,
		handlers: opHandlers,
		watch: storeWatch,
		log: () => {},
		now: () => clock.now
	});
	clock.now = now;
	const payload: DemoSeedPayload = {
		seed: 20261125,
		now,
		passwordHash: await hashSecret('hatu2026'),
		pinHash: await hashSecret('246810'),
		cardSecret: 'test'
	};
	await store.write('demo.seed', payload);
	return store;
}

/** The store's clock in tests: ops take `at` from here, so expiry can be stepped over. */
export const clock = { now: Date.UTC(2026, 10, 25, 3) };

export function actorNamed(store: DataStore, username: string): Actor {
	const row = store.db.get<{
		id: number;
		username: string;
		display_name: string;
		role: Actor['role'];
		neighborhood_id: number | null;
	}>('SELECT id, username, display_name, role, neighborhood_id FROM users WHERE username = ?', [
		username
	]);
	if (!row) throw new Error(`no user ${username}`);
	return {
		id: row.id,
		username: row.username,
		displayName: row.display_name,
		role: row.role,
		neighborhoodId: row.neighborhood_id
	};
}

/**
 * A fingerprint of every table that holds people or their traces: per table its row count and
 * a checksum over every column, so an insert, delete or changed value shows. The logs of
 * refusals (audit_log, failed_scans) and sign-in sessions are left out on purpose.
 */
export function footprint(store: DataStore): Record<string, string> {
	const tables = store.db
		.all<{ name: string }>(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('meta', 'audit_log', 'failed_scans', 'auth_sessions') ORDER BY name"
		)
		.map((r) => r.name);
	return Object.fromEntries(
		tables.map((table) => {
			const columns = store.db
				.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
				.map((c) => `"${c.name}"`);
			const sums = columns
				.map(
					(c) =>
						`total(CASE typeof(${c}) WHEN 'integer' THEN ${c} WHEN 'real' THEN ${c} WHEN 'null' THEN 0.5 ELSE length(${c}) + unicode(${c}) END)`
				)
				.join(' + ');
			const row = store.db.get<{ n: number; s: number }>(
				`SELECT count(*) AS n, ${sums} AS s FROM "${table}"`
			);
			return [table, `${row?.n}:${row?.s}`];
		})
	);
}
