import type { RequestEvent } from '@sveltejs/kit';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '$lib/domain/actor';
import { startApp, stopApp } from '$lib/server/app';
import { readConfig } from '$lib/server/config';
import { isDryRun } from '$lib/server/http/import-form';
import { actorNamed, footprint } from '$lib/server/services/privacy.testing';
import type { DataStore } from '$lib/server/store/data-store';
import { POST } from './+server';

/**
 * The import endpoint as a client meets it: the handler itself, called with a real multipart
 * request on a demo ward (the hooks' limits are tested in http/body-limits.spec.ts and end to
 * end in tests/checkin/import.spec.ts).
 */
let store: DataStore;
let officer: Actor;

beforeAll(async () => {
	vi.spyOn(console, 'log').mockImplementation(() => {});
	({ store } = await startApp(
		readConfig({
			DATA_DIR: mkdtempSync(join(tmpdir(), 'ths-import-route-')),
			SEED: 'demo',
			APP_VERSION: 'test'
		})
	));
	officer = actorNamed(store, 'quantri');
}, 60_000);
afterAll(async () => {
	await stopApp();
	vi.restoreAllMocks();
});

let serial = 0;
/** A one-person list at an address no other test uses. */
function list() {
	serial++;
	const street = `ngõ ${'bcdghklmnpqrstvx'[serial % 16]}${'aeiou'[serial % 5]}${serial}`;
	return `Họ và tên,Năm sinh,Địa chỉ,Khu phố\nTrần Văn Khải,1950,Số ${serial} ${street},Khu phố 3\n`;
}

const CONSENT = { consentMethod: 'paper', consentTakenBy: 'Cán bộ phường' };

async function upload(query: string, fields: Record<string, string> = CONSENT, text = list()) {
	const form = new FormData();
	form.set('file', new File([text], 'ds.csv', { type: 'text/csv' }));
	for (const [name, value] of Object.entries(fields)) form.set(name, value);
	const url = new URL(`http://127.0.0.1/api/import/residents${query}`);
	const request = new Request(url, { method: 'POST', body: form });
	const event = { request, url, locals: { actor: officer } } as unknown as RequestEvent;
	const response = await (POST as (e: RequestEvent) => Promise<Response>)(event);
	return { status: response.status, body: await response.json() };
}

describe('?dryRun', () => {
	it('previews for every value but absent, 0 and false, in any case', () => {
		const preview = (q: string) => isDryRun(new URLSearchParams(q));
		for (const q of ['dryRun=1', 'dryRun=true', 'dryRun=TRUE', 'dryRun=yes', 'dryRun=on']) {
			expect(preview(q), q).toBe(true);
		}
		for (const q of ['dryRun=', 'dryRun', 'dryRun=2', 'dryRun=no', 'dryRun=0&dryRun=1']) {
			expect(preview(q), q).toBe(true);
		}
		for (const q of ['', 'dryRun=0', 'dryRun=false', 'dryRun=FALSE', 'dryRun=%20False%20']) {
			expect(preview(q), q).toBe(false);
		}
	});

	it('never stores anything on a preview, whatever the spelling', async () => {
		const before = footprint(store);
		for (const value of ['TRUE', 'True', 'yes', 'on', '']) {
			const r = await upload(`?dryRun=${value}`);
			expect([r.status, r.body.dryRun, r.body.imported], value).toEqual([200, true, 1]);
		}
		expect(footprint(store)).toEqual(before);
	});

	it('commits when asked not to preview', async () => {
		for (const query of ['', '?dryRun=0', '?dryRun=FALSE']) {
			const r = await upload(query);
			expect([r.status, r.body.dryRun, r.body.imported], query).toEqual([201, false, 1]);
		}
	});
});
