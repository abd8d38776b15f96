import { dev } from '$app/environment';

/**
 * Registers src/service-worker.ts for the scanner pages only (scope /diem-danh/), and asks it
 * to keep a copy of this page: opened again with the server gone, the page still comes up and
 * its scans go to the queue. The kiosk never registers it (svelte.config.js).
 */
export async function registerScannerWorker(): Promise<void> {
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
