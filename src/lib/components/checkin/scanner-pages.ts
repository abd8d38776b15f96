/**
 * The scanner pages the service worker (src/service-worker.ts) keeps on a volunteer's phone so
 * the scanner opens without the server: which they are, where they are kept, and forgetting
 * them when the volunteer signs out.
 */

/** One cache per release: the app's built files and the last copy of each scanner page. */
export const SCANNER_CACHE_PREFIX = 'diem-danh-';

/** A class's scanner page, /diem-danh/<id>. */
export const SCANNER_PAGE = /^\/diem-danh\/[^/]+$/;

/**
 * After signing out, the kept scanner pages (class titles, kiosks' calls for help) leave the
 * phone with the session: someone else may pick the phone up. The built files stay; they
 * hold nothing of anyone's.
 */
export async function forgetScannerPages(): Promise<void> {
	if (typeof caches === 'undefined') return;
	for (const name of await caches.keys()) {
		if (!name.startsWith(SCANNER_CACHE_PREFIX)) continue;
		const cache = await caches.open(name);
		for (const request of await cache.keys()) {
			if (SCANNER_PAGE.test(new URL(request.url).pathname)) await cache.delete(request);
		}
	}
}
