import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startApp, stopApp } from './app';
import { login } from './auth/sessions';
import { DEFAULT_CHECKIN_LIMIT, type AppConfig } from './config';

const config = (overrides: Partial<AppConfig>): AppConfig => ({
	dataDir: mkdtempSync(join(tmpdir(), 'ths-app-')),
	seed: 'demo',
	demoPassword: 'mat-khau-thu',
	demoPin: '135790',
	adminUsername: 'quantri',
	adminPassword: undefined,
	version: 'test',
	checkinLimit: DEFAULT_CHECKIN_LIMIT,
	...overrides
});

afterEach(async () => {
	await stopApp();
	vi.restoreAllMocks();
});

describe('first start', () => {
	it('seeds the same demo ward on every machine, with the demo accounts working', async () => {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const names = async () => {
			const { store } = await startApp(config({}));
			const rows = store.db.all<{ full_name: string }>(
				'SELECT full_name FROM residents ORDER BY id'
			);
			const counts = {
				neighborhoods: store.db.value('SELECT count(*) FROM neighborhoods'),
				households: store.db.value('SELECT count(*) FROM households'),
				attendance: store.db.value('SELECT count(*) FROM attendance'),
				adults: store.db.value<number>(
					"SELECT count(*) FROM residents WHERE birth_year <= CAST(strftime('%Y', 'now') AS INTEGER) - 18"
				)!,
				skilled: store.db.value<number>(
					`SELECT count(*) FROM residents r WHERE (SELECT count(DISTINCT skill_code) FROM milestones m
					 WHERE m.resident_id = r.id AND m.undone_at IS NULL AND m.skill_code IN ('M0', 'M2', 'M9')) = 3`
				)!,
				days: store.db.value(
					"SELECT count(DISTINCT date((starts_at + 25200000) / 1000, 'unixepoch')) FROM class_sessions"
				),
				// Every class was opened by its start, before anyone in it was checked in.
				openedLate: store.db.value(
					`SELECT count(*) FROM class_sessions s WHERE s.opened_at IS NULL OR s.opened_at > s.starts_at
					 OR EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id AND a.checked_in_at < s.opened_at)`
				)
			};
			const volunteer = await login(store, 'tinhnguyen1', '135790', 'test');
			const head = await login(store, 'truongkhu1', 'mat-khau-thu', 'test');
			await stopApp();
			return { names: rows.map((r) => r.full_name), counts, volunteer, head };
		};
		const first = await names();
		const second = await names();
		expect(first.names).toEqual(second.names);
		expect(first.names.length).toBeGreaterThan(1100);
		expect(first.names.length).toBeLessThan(1400);
		expect(first.names.every((n) => n === n.normalize('NFC'))).toBe(true);
		expect(first.counts.neighborhoods).toBe(8);
		expect(first.counts.households).toBe(400);
		expect(first.counts.days).toBeGreaterThanOrEqual(50);
		expect(first.counts.openedLate).toBe(0);
		expect(first.counts.attendance).toBeGreaterThan(1000);
		// Mid-campaign: a good share of adults, but not all, have shown the basic skills.
		const share = first.counts.skilled / first.counts.adults;
		expect(share).toBeGreaterThan(0.4);
		expect(share).toBeLessThan(0.9);
		expect(first.volunteer.ok).toBe(true);
		expect(first.head.ok && first.head.actor.neighborhoodId).toBe(1);
	});

	it('starts an empty ward with SEED=none and one officer whose password is printed', async () => {
		const printed: string[] = [];
		vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
		const { store } = await startApp(config({ seed: 'none' }));
		expect(store.db.value('SELECT count(*) FROM residents')).toBe(0);
		const password = /password: (\S+)/.exec(printed.join('\n'))?.[1];
		expect(password).toBeTruthy();
		const result = await login(store, 'quantri', password!, 'test');
		expect(result.ok && result.actor.role).toBe('officer');
	});
});
