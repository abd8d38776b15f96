/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Keeps the volunteer's scanner (/diem-danh/<id>) usable when the kiosk's server is gone: a
 * reload, or opening the page again during class, shows the last copy of that page, and the
 * scans go to the phone's queue (offline-queue.ts) until the server answers again.
 *
 * Registered by the scanner page only, with the scope /diem-danh/ (svelte.config.js turns
 * SvelteKit's own registration off): the kiosk's pages and every other page are never
 * controlled by it. It answers only
 *  - the app's built files (JS, CSS, the QR decoder's .wasm): from its cache, they never
 *    change under one name. Not `static/` (3 MB of voice clips the scanner never plays);
 *  - GET navigations to /diem-danh/…: the network first, the last copy when it does not answer.
 * API calls and POSTs are never touched: a check-in must reach the server or the queue.
 */
import { build, version } from '$service-worker';
import { SCANNER_CACHE_PREFIX, SCANNER_PAGE } from '$lib/components/checkin/scanner-pages';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `${SCANNER_CACHE_PREFIX}${version}`;
// The .woff fallbacks are for browsers that lack woff2: none we serve (hooks.server.ts).
const ASSETS = new Set(build.filter((path) => !path.endsWith('.woff')));
/** A navigation waits this long for the server, then the last copy is shown. */
const NAVIGATION_TIMEOUT_MS = 4000;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...ASSETS]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	// A new release's pages need its own files: the old copies go, pages come back online.
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

// The page that registered us was loaded before we existed: it asks us to keep its copy.
sw.addEventListener('message', (event) => {
	const path = (event.data as { keep?: unknown } | null)?.keep;
	if (typeof path === 'string' && SCANNER_PAGE.test(path)) {
		event.waitUntil(fetchPage(new Request(path)).catch(() => undefined));
	}
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (ASSETS.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
	} else if (request.mode === 'navigate' && SCANNER_PAGE.test(url.pathname)) {
		event.respondWith(fetchPage(request).catch(() => lastCopy(request)));
	}
});

/** The page from the server (kept for later when it is the page itself, not a redirect). */
async function fetchPage(request: Request): Promise<Response> {
	// A navigation's Request cannot be copied with a signal: race it against a timer instead.
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('server too slow')), NAVIGATION_TIMEOUT_MS);
	});
	try {
		const response = await Promise.race([fetch(request), late]);
		if (response.status === 200 && response.type === 'basic') {
			const cache = await caches.open(CACHE);
			await cache.put(new URL(request.url).pathname, response.clone());
		}
		return response;
	} finally {
		clearTimeout(timer);
	}
}

async function lastCopy(request: Request): Promise<Response> {
	const hit = await caches.match(new URL(request.url).pathname);
	return hit ?? Response.error();
}
