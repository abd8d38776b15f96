import { dev } from '$app/environment';

/**
 * Registers src/service-worker.ts for the scanner pages only (scope /diem-danh/), and asks it
 * to keep a copy of this page: opened again with the server gone, the page still comes up and
 * its scans go to the queue. The kiosk never registers it (svelte.config.js).
 */
async function registerScannerWorker(): Promise<void> {
	if (!('serviceWorker' in navigator)) return; // plain http on a LAN name: no worker, still scans
	try {
		await navigator.serviceWorker.register('/service-worker.js', {
			scope: '/diem-danh/',
			type: dev ? 'module' : 'classic'
		});
		const { active } = await navigator.serviceWorker.ready;
		active?.postMessage({ keep: location.pathname });
	} catch (error) {
		console.warn('Scanner service worker not registered:', error);
	}
}

/**
 * Installing the worker fetches the app's built files (~1.5 MB) and compiles them: done at
 * once, it held up the camera's first scan (QR in front of the camera → result on screen went
 * from ~250 to ~400 ms on a 2-core machine). So it waits until the page has settled; the
 * scans of those first seconds are kept by the queue as always. Returns a cancel for leaving.
 */
export const WORKER_DELAY_MS = 5000;

export function registerScannerWorkerSoon(): () => void {
	const timer = setTimeout(() => void registerScannerWorker(), WORKER_DELAY_MS);
	return () => clearTimeout(timer);
}
