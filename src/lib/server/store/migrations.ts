import type { Db } from './database';

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

/** Every `NNNN_name.sql` beside this file, bundled into the build by Vite. */
const files = import.meta.glob('./migrations/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

export const shippedMigrations: Migration[] = Object.entries(files)
	.map(([path, sql]) => {
		const match = /\/(\d{4})_([\w-]+)\.sql$/.exec(path);
		if (!match) throw new Error(`migration file name must be NNNN_name.sql: ${path}`);
		return { version: Number(match[1]), name: match[2], sql };
	})
	.sort((a, b) => a.version - b.version);

export class MigrationMismatchError extends Error {}

/**
 * Brings the database up to the shipped schema, one transaction per migration. Refuses
 * (throws) when the applied list is not a prefix of the shipped list: that database was
 * written by another build, and guessing would damage it.
 */
export function migrate(
	db: Db,
	shipped: Migration[] = shippedMigrations,
	now = Date.now()
): number {
	db.exec(
		'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)'
	);
	const applied = db.all<{ version: number; name: string }>(
		'SELECT version, name FROM schema_migrations ORDER BY version'
	);
	applied.forEach((row, i) => {
		const expected = shipped[i];
		if (!expected || expected.version !== row.version || expected.name !== row.name) {
			throw new MigrationMismatchError(
				`store: applied migration ${row.version}_${row.name} is not shipped by this build ` +
					`(expected ${expected ? `${expected.version}_${expected.name}` : 'none'}); refusing to start`
			);
		}
	});
	const pending = shipped.slice(applied.length);
	for (const migration of pending) {
		db.transaction(() => {
			db.exec(migration.sql);
			db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
				migration.version,
				migration.name,
				now
			]);
		});
	}
	return pending.length;
}
