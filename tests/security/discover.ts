import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Finds every route the app serves by reading src/routes, so tests cover routes merged
 * later without anyone listing them: pages (+page.svelte) with their form actions, and
 * endpoints (+server.ts) with their exported methods.
 */
export interface DiscoveredRoute {
	/** The route id as SvelteKit writes it, e.g. `/api/users/[id]/unlock`. */
	id: string;
	kind: 'page' | 'endpoint';
	/** Endpoint methods (GET, POST…); for pages: GET. */
	methods: string[];
	/** Form action names of a page (`default` for an unnamed one). */
	actions: string[];
	/** The folder, relative to the repository. */
	dir: string;
}

const ROOT = join(process.cwd(), 'src', 'routes');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

function walk(dir: string, out: string[] = []): string[] {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) walk(path, out);
		else out.push(path);
	}
	return out;
}

/** `/(kiosk)/bai-hoc/[id]` → `/bai-hoc/[id]`: groups do not appear in addresses. */
function routeId(dir: string): string {
	const parts = relative(ROOT, dir)
		.split(sep)
		.filter((p) => p !== '' && !/^\(.*\)$/.test(p));
	return `/${parts.join('/')}`;
}

export function exportedMethods(source: string): string[] {
	const found = new Set<string>();
	const re = /export\s+(?:const|let|async\s+function|function)\s+([A-Za-z]+)\b/g;
	for (const m of source.matchAll(re)) if (METHODS.includes(m[1])) found.add(m[1]);
	for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
		for (const name of m[1].split(',').map(
			(n) =>
				n
					.trim()
					.split(/\s+as\s+/)
					.pop() ?? ''
		)) {
			if (METHODS.includes(name)) found.add(name);
		}
	}
	return [...found];
}

/** Names of the keys of `export const actions = { … }` (prettier-formatted: one tab deep). */
export function formActions(source: string): string[] {
	const start = source.search(/export\s+const\s+actions\b/);
	if (start < 0) return [];
	const body = source.slice(start);
	const names = new Set<string>();
	for (const m of body.matchAll(/^\t(?:async\s+)?([A-Za-z_$][\w$]*)\s*[:(]/gm)) names.add(m[1]);
	return [...names];
}

export function discoverRoutes(): DiscoveredRoute[] {
	const files = walk(ROOT);
	const routes: DiscoveredRoute[] = [];
	const dirs = new Set(files.map((f) => join(f, '..')));
	for (const dir of [...dirs].sort()) {
		const id = routeId(dir);
		const rel = relative(process.cwd(), dir);
		const server = join(dir, '+server.ts');
		if (existsSync(server)) {
			routes.push({
				id,
				kind: 'endpoint',
				methods: exportedMethods(readFileSync(server, 'utf8')),
				actions: [],
				dir: rel
			});
		}
		if (existsSync(join(dir, '+page.svelte'))) {
			const pageServer = join(dir, '+page.server.ts');
			const actions = existsSync(pageServer) ? formActions(readFileSync(pageServer, 'utf8')) : [];
			routes.push({ id, kind: 'page', methods: ['GET'], actions, dir: rel });
		}
	}
	return routes;
}

/** A concrete address for a route id: parameters get `sample` (a number unless told). */
export function samplePath(id: string, sample = '1'): string {
	return (
		id
			.replace(/\/\[\[[^\]]+\]\]/g, '')
			.replace(/\[\.\.\.[^\]]+\]/g, 'x')
			.replace(/\[[^\]]+\]/g, sample)
			.replace(/\/+$/, '') || '/'
	);
}

/** True when `id` falls under `pattern`: exact, or `prefix/**` for the prefix and below. */
export function matches(pattern: string, id: string): boolean {
	if (pattern.endsWith('/**')) {
		const prefix = pattern.slice(0, -3);
		return id === prefix || id.startsWith(`${prefix}/`);
	}
	return pattern === id;
}

/** The server-side files that guard a route: its own, then every +layout.server.ts above it. */
export function guardFiles(route: DiscoveredRoute): string[] {
	const own =
		route.kind === 'endpoint'
			? [join(route.dir, '+server.ts')]
			: [join(route.dir, '+page.server.ts')];
	const layouts: string[] = [];
	let dir = route.dir;
	while (dir.startsWith(join('src', 'routes'))) {
		layouts.push(join(dir, '+layout.server.ts'));
		dir = join(dir, '..');
	}
	return [...own, ...layouts].filter((f) => existsSync(f));
}
