import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { formatContentErrors, mainGuide, parseLibrary } from './src/lib/core/content/library';
import { readContentFiles } from './src/lib/server/content-files';

const content = parseLibrary(readContentFiles(process.cwd()));

/** Fails the build before anything is bundled when a content file is invalid, naming file and field. */
function contentCheck(): Plugin {
	return {
		name: 'fitnavigator-content-check',
		buildStart() {
			if (!content.ok) this.error(`Invalid content:\n${formatContentErrors(content.error)}`);
		}
	};
}

export default defineConfig({
	plugins: [contentCheck(), sveltekit()],
	// The service worker cannot import the content library; it gets the main guide's slug (content marks it) at build time.
	define: { __MAIN_GUIDE__: JSON.stringify(content.ok ? mainGuide(content.value) : '') },
	// Rolldown's timing report is noise in every build log; the build is seconds long.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
