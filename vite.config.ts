/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { lessonContent } from './src/lib/walkthroughs/tools/vite-plugin.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
	plugins: [lessonContent(), sveltekit()],
	define: { __APP_VERSION__: JSON.stringify(version) },
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 20_000,
		// Vitest's default is one worker less than the cores: one on CI's two-core machine, where
		// the files then ran one after another (167 s for 103 s of tests plus imports).
		maxWorkers: Math.max(2, availableParallelism() - 1)
	}
});
