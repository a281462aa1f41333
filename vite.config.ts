import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { QUESTIONS } from './src/lib/core/assessment/questions';
import { formatContentErrors, parseLibrary } from './src/lib/core/content/library';
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

/**
 * First aid's plain page renders only inside <noscript>, which Svelte's browser build leaves
 * empty; yet the import alone sent the exercise card's JavaScript to every first-aid reader (a
 * component module counts as having side effects, so its chunk stays imported). In the browser
 * build it is an empty component: no script runs it, and it brings no stylesheet of its own.
 */
function noscriptOnly(): Plugin {
	return {
		name: 'fitnavigator-noscript-only',
		enforce: 'pre',
		load(id, options) {
			// In runes mode like every other component: an empty file would be a legacy one, and its
			// import switches Svelte's legacy mode on for the whole page.
			if (!options?.ssr && id.endsWith('/src/lib/components/first-aid/FirstAidPlain.svelte')) return '<svelte:options runes />';
		}
	};
}

/**
 * What every hydrated page runs (Svelte's runtime, Kit's client, devalue, the root layout, t()),
 * as one file: split into nine, each gzipped on its own, it was 2.0 KB gzip more on every page
 * and nine requests. Svelte's runtime is needed whole by any page (the root layout alone reaches
 * all but ~1 KB of it), so there is nothing per page to split off. Kit's app.js stays out: it
 * holds the dynamic import of every page, and with it inside, each page's node would import a
 * chunk that names all the others, and Kit's preload list (find_deps) then drops the page's own
 * imports. The legacy-mode flag stays out: its module switches legacy mode on where it runs.
 */
const FLOOR =
	/node_modules[\\/](svelte|clsx|esm-env|devalue|@sveltejs[\\/]kit)[\\/]|^\0vite\/preload-helper|src[\\/]lib[\\/]i18n[\\/]index\.ts|src[\\/]lib[\\/]core[\\/]content[\\/]lang\.ts|src[\\/]params[\\/]|\.svelte-kit[\\/]generated[\\/](root|client-optimized[\\/]matchers)\.|src[\\/]routes[\\/]\+layout\.svelte|SiteHeader\.svelte/;

export default defineConfig({
	plugins: [contentCheck(), noscriptOnly(), sveltekit()],
	// The service worker keeps the self-check's pages offline: their addresses, from the question list, at build time.
	define: { __CHECK_PAGES__: JSON.stringify(['/check/answers', '/check/result', ...QUESTIONS.map((q) => `/check/${q.id}`)]) },
	build: {
		rolldownOptions: {
			// Rolldown's timing report is noise in every build log; the build is seconds long.
			checks: { bundlerTimings: false },
			output: { codeSplitting: { groups: [{ name: 'floor', test: (id) => FLOOR.test(id) && !/flags[\\/]legacy/.test(id) }] } }
		}
	},
	// The link to server.js (serving/link.js) must be the one server.js loaded: a linked
	// package is bundled by default, which would give the app a copy of its own.
	ssr: { external: ['@fitnavigator/serving'] },
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 60_000,
		// The migrated PostgreSQL template each file's throwaway databases are copied from.
		globalSetup: ['tests/unit/global-setup.ts'],
		// `npm run coverage`: the domain and the server, the parts the coverage figures are about.
		coverage: {
			provider: 'v8',
			include: ['src/lib/core/**', 'src/lib/server/**'],
			exclude: ['**/*.spec.ts'],
			reporter: ['text-summary', 'json-summary'],
			reportsDirectory: 'test-results/coverage'
		}
	}
});
