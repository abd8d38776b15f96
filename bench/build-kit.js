// Builds bench/store-kit.ts into plain JavaScript once, so measuring children load the
// store without Vite in their memory (RSS figures are the store's, not the bundler's).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export async function buildStoreKit() {
	// Inside the repo (git-ignored) so the bundle resolves sql.js from node_modules.
	const outDir = fileURLToPath(new URL('./out', import.meta.url));
	await build({
		configFile: false,
		logLevel: 'warn',
		define: { __APP_VERSION__: '"bench"' },
		build: {
			ssr: fileURLToPath(new URL('./store-kit.ts', import.meta.url)),
			outDir,
			rollupOptions: { output: { entryFileNames: 'store-kit.js' } }
		}
	});
	return join(outDir, 'store-kit.js');
}
