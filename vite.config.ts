import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { formatContentErrors, parseLibrary } from './src/lib/core/content/library';
import { readContentFiles } from './src/lib/server/content-files';

/** Fails the build before anything is bundled when a content file is invalid, naming file and field. */
function contentCheck(): Plugin {
	return {
		name: 'fitnavigator-content-check',
		buildStart() {
			const result = parseLibrary(readContentFiles(process.cwd()));
			if (!result.ok) this.error(`Invalid content:\n${formatContentErrors(result.error)}`);
		}
	};
}

export default defineConfig({
	plugins: [contentCheck(), sveltekit()],
	// Rolldown's timing report is noise in every build log; the build is seconds long.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
