import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// A page's CSS (each file under 10 KB) goes inside its HTML: the kiosk can paint as soon
		// as the HTML arrives instead of after four more round trips (bench:kiosk, home LCP).
		inlineStyleThreshold: 10_000,
		// src/service-worker.ts is registered by the scanner page alone, scoped to /diem-danh/:
		// kiosk pages must never depend on a worker (checkin/scanner-worker.ts).
		serviceWorker: { register: false },
		// Nothing loads from the internet: every source is this server. Kit adds a nonce (or a
		// hash on prerendered pages) for its own inline start-up script. Inline styles are
		// allowed because Svelte transitions write them; scripts never are.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				// WebAssembly may be compiled (the camera's QR decoder); eval stays refused.
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				// QR cards are drawn as data: URLs; the camera scanner makes blob: frames.
				'img-src': ['self', 'data:', 'blob:'],
				// Narration from /voice; the camera's stream for html5-qrcode.
				'media-src': ['self', 'blob:', 'mediastream:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// Kit's origin check is replaced by our own (src/lib/server/http/cross-site.ts, in the
		// handle hook): a form post from another site's page still gets 403, but a request with no
		// Origin at all (curl, a ward's import script) is not a cross-site form and may post.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
