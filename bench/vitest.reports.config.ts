/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// `npm run bench:reports`: vitest only as a TypeScript runner for the bench (never part of
// the test run: the main config includes src/**/*.spec.ts only).
export default defineConfig({
	test: {
		include: ['bench/reports.bench.ts'],
		environment: 'node',
		testTimeout: 30 * 60_000,
		hookTimeout: 30 * 60_000,
		reporters: ['default'],
		silent: false
	}
});
