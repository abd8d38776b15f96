import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor';
import { startApp, stopApp } from '../app';
import { readConfig } from '../config';
import { actorNamed, footprint } from '../services/privacy.testing';
import type { DataStore } from '../store/data-store';
import { hostileBody, hostileParam, hostileQuery, type HostileBody } from './hostile.testing';

/**
 * Property-based: every JSON endpoint found in src/routes (so endpoints merged later are
 * covered too) gets generated hostile input. It must answer 4xx with a reason, never 5xx, and
 * store nothing. Handlers are called directly (the hooks' own limits are tested end to end).
 */
type Handler = (event: RequestEvent) => Response | Promise<Response>;
const modules = import.meta.glob<Record<string, Handler>>('/src/routes/**/+server.ts');
const sources = import.meta.glob<string>('/src/routes/**/+server.ts', {
	query: '?raw',
	import: 'default',
	eager: true
});

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const RUNS = Number(process.env.HOSTILE_RUNS ?? 20);

const routeId = (file: string) =>
	file
		.replace(/^\/src\/routes/, '')
		.replace(/\/\+server\.ts$/, '')
		.replace(/\/\([^)]+\)/g, '') || '/';
const paramNames = (id: string) =>
	[...id.matchAll(/\[(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]/g)].map((m) => m[1]);
const fill = (id: string, value: string) => id.replace(/\[[^\]]+\]/g, encodeURIComponent(value));

const readsBody = (source: string) =>
	/readJsonObject\(|readImportForm\(|request\.(json|text|formData|arrayBuffer)\(/.test(source);

let store: DataStore;
let officer: Actor;

beforeAll(async () => {
	const app = await startApp(
		readConfig({
			DATA_DIR: mkdtempSync(join(tmpdir(), 'ths-hostile-')),
			SEED: 'demo',
			APP_VERSION: 'test'
		})
	);
	store = app.store;
	officer = actorNamed(store, 'quantri');
}, 60_000);
afterAll(() => stopApp());

/**
 * SQLite's count of rows written on the store's connection since it opened. While it stays the
 * same no table changed, so the footprint (a scan of every table of the demo ward, the slow part
 * of this file) is taken again only after a write of some kind, a refusal's log line included.
 */
const rowsWritten = () => store.db.get<{ n: number }>('SELECT total_changes() AS n')!.n;

interface Outcome {
	status: number;
	reason: unknown;
}

/** Calls a handler as SvelteKit would, turning thrown HttpErrors into their status and body. */
async function call(
	handler: Handler,
	id: string,
	method: string,
	param: string,
	query: string,
	body?: HostileBody
): Promise<Outcome> {
	const url = new URL(`http://127.0.0.1${fill(id, param)}${query ? `?${query}` : ''}`);
	const params = Object.fromEntries(paramNames(id).map((n) => [n, param]));
	const request = new Request(url, {
		method,
		headers: body ? { 'content-type': body.contentType } : {},
		body: body ? body.text : undefined
	});
	const jar = new Map<string, string>();
	const event = {
		request,
		url,
		params,
		route: { id },
		locals: { actor: officer },
		cookies: {
			get: (name: string) => jar.get(name),
			getAll: () => [...jar].map(([name, value]) => ({ name, value })),
			set: (name: string, value: string) => void jar.set(name, value),
			delete: (name: string) => void jar.delete(name),
			serialize: () => ''
		},
		getClientAddress: () => '127.0.0.1',
		setHeaders: () => {},
		fetch,
		platform: undefined,
		isDataRequest: false,
		isSubRequest: false
	} as unknown as RequestEvent;
	try {
		const response = await handler(event);
		const type = response.headers.get('content-type') ?? '';
		const json = type.includes('json') ? await response.json().catch(() => ({})) : {};
		return { status: response.status, reason: (json as { reason?: unknown }).reason };
	} catch (error) {
		if (isHttpError(error)) return { status: error.status, reason: error.body.reason };
		if (isRedirect(error)) return { status: error.status, reason: 'redirect' };
		// What SvelteKit would turn into a 500.
		return { status: 500, reason: `threw ${String(error).slice(0, 200)}` };
	}
}

const endpoints = Object.keys(modules)
	.sort()
	.map((file) => ({ file, id: routeId(file), source: sources[file] ?? '' }));

describe('hostile input to every JSON endpoint', () => {
	it('would notice a stored change (the detector itself works)', async () => {
		const before = footprint(store);
		const written = rowsWritten();
		await store.write('consent.withdraw', { residentId: 2, note: '', device: '' }, officer.id);
		expect(footprint(store)).not.toEqual(before);
		// The shortcut past the footprint sees the write too.
		expect(rowsWritten()).toBeGreaterThan(written);
	});

	it('finds the endpoints in src/routes', () => {
		expect(endpoints.map((e) => e.id)).toEqual(
			expect.arrayContaining(['/api/users', '/api/users/[id]/unlock', '/api/auth/login'])
		);
	});

	for (const endpoint of endpoints) {
		it(`${endpoint.id}: 4xx with a reason, never 5xx, nothing stored`, async () => {
			const mod = await modules[endpoint.file]();
			const hasParams = paramNames(endpoint.id).length > 0;
			const failures: string[] = [];
			for (const method of Object.keys(mod).filter((m) => /^[A-Z]+$/.test(m))) {
				const handler = mod[method];
				const key = `${method} ${endpoint.id}`;
				// Sign-in runs scrypt on each try: fewer runs keep the suite fast.
				const numRuns = endpoint.id === '/api/auth/login' ? 8 : RUNS;
				const write = WRITE_METHODS.includes(method);
				// Whether this method itself reads a body: a file's PATCH that does must not let its
				// DELETE (no body) be called on a real id, where it would do what it is for.
				const ownBody = readsBody(String(handler));
				const arbitrary = fc.record({
					// A real id (1) exercises the body parser; a hostile one the parameter parser.
					param:
						hasParams && write && ownBody ? fc.oneof(fc.constant('1'), hostileParam) : hostileParam,
					query: hostileQuery,
					body: write ? hostileBody : fc.constant(undefined)
				});
				// An endpoint with neither a body nor a parameter (sign out, call a volunteer) has
				// no input to refuse: it is only held to "never 5xx".
				const takesInput = hasParams || readsBody(endpoint.source);
				let before = JSON.stringify(footprint(store));
				let written = rowsWritten();
				await fc.assert(
					fc.asyncProperty(arbitrary, async ({ param, query, body }) => {
						const outcome = await call(handler, endpoint.id, method, param, query, body);
						const writtenNow = rowsWritten();
						const after = writtenNow === written ? before : JSON.stringify(footprint(store));
						written = writtenNow;
						const where = `${key} param=${JSON.stringify(param)} query=${query} body=${JSON.stringify(body)?.slice(0, 300)}`;
						if (outcome.status >= 500) {
							failures.push(`${where} → ${outcome.status} ${outcome.reason}`);
						}
						if (outcome.status >= 400 && (typeof outcome.reason !== 'string' || !outcome.reason)) {
							failures.push(`${where} → ${outcome.status} without a reason`);
						}
						const mustRefuse = write && takesInput && (hasParams ? param !== '1' || ownBody : true);
						if (mustRefuse && (outcome.status < 400 || outcome.status >= 500)) {
							failures.push(`${where} → ${outcome.status}, expected a 4xx`);
						}
						if (after !== before && (takesInput || !write)) {
							failures.push(`${where} → stored something`);
						}
						before = after;
						if (failures.length > 0) throw new Error(failures.splice(0).join('\n'));
					}),
					{ numRuns, seed: Number(process.env.HOSTILE_SEED ?? 20261125) }
				);
			}
			expect(failures).toEqual([]);
		}, 120_000);
	}
});
