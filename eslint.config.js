import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { builtinModules } from 'node:module';
import svelteConfig from './svelte.config.js';

const BROWSER_ONLY =
	"src/lib/browser holds the browser's stores: server code never imports it (it runs where there is no localStorage or IndexedDB)";
const STORAGE_IN_ADAPTER =
	'components and pages reach browser storage only through an adapter in src/lib/browser (one per store, validating what it reads)';
const STORAGE_GLOBALS = ['localStorage', 'sessionStorage', 'indexedDB'];
const STORAGE_PACKAGES = ['idb'];
const CORE_PURITY = 'src/lib/core is pure: no I/O, Node, Svelte or server module (put it in src/lib/server or an adapter)';
// Every Node built-in, with and without the node: prefix, and every package that does I/O.
const NODE_BUILTINS = builtinModules.flatMap((name) => [name, `node:${name}`]);
const IO_PACKAGES = [
	'drizzle-orm',
	'drizzle-kit',
	'pg',
	'@electric-sql/pglite',
	'idb',
	'pino',
	'prom-client',
	'rate-limiter-flexible',
	'negotiator',
	'@sveltejs/kit',
	'better-auth',
	'@medplum/core'
];

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', 'bench/results/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// The app is always served from the site root (no paths.base), so plain hrefs are right.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
		// The type-aware parse pays for these: a promise nobody awaits loses its error.
		rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' }
	},
	{
		// Server code: the service layer, the hooks, every server route module, the Node entry.
		files: [
			'src/lib/server/**/*.{ts,js}',
			'src/hooks.server.ts',
			'src/routes/**/+*server.{ts,js}',
			'serving/**/*.js',
			'policy/**/*.js',
			'server.js'
		],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['$lib/browser', '$lib/browser/*', '**/lib/browser', '**/lib/browser/*'], message: BROWSER_ONLY }] }
			],
			// import() is not an import declaration: the same folders, for the dynamic form.
			'no-restricted-syntax': [
				'error',
				{ selector: 'ImportExpression[source.value=/(^\\$lib|\\/lib)\\/browser(\\/|$)/]', message: BROWSER_ONLY }
			]
		}
	},
	{
		// Components and pages render; what the browser stores is read and written by src/lib/browser.
		files: ['src/lib/components/**/*.{svelte,ts,js}', 'src/routes/**/*.svelte'],
		rules: {
			'no-restricted-globals': ['error', ...STORAGE_GLOBALS.map((name) => ({ name, message: STORAGE_IN_ADAPTER }))],
			'no-restricted-properties': [
				'error',
				...['window', 'globalThis', 'self'].flatMap((object) =>
					STORAGE_GLOBALS.map((property) => ({ object, property, message: STORAGE_IN_ADAPTER }))
				)
			],
			'no-restricted-imports': [
				'error',
				{
					paths: STORAGE_PACKAGES.map((name) => ({ name, message: STORAGE_IN_ADAPTER })),
					patterns: [{ group: STORAGE_PACKAGES.map((name) => `${name}/*`), message: STORAGE_IN_ADAPTER }]
				}
			]
		}
	},
	{
		// The core runs in the browser and on the server alike: no Node, no Svelte, no
		// database, no server module at any depth, no browser storage (that has adapters).
		files: ['src/lib/core/**/*.{ts,js}'],
		// Tests of the core may read the content from disk; they never ship.
		ignores: ['src/lib/core/**/*.spec.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [...NODE_BUILTINS, ...IO_PACKAGES].map((name) => ({ name, message: CORE_PURITY })),
					patterns: [
						{ group: ['node:*', ...IO_PACKAGES.map((name) => `${name}/*`)], message: CORE_PURITY },
						{ group: ['$app/*', '$env/*', '$lib/server', '$lib/server/*', '**/server', '**/server/*'], message: CORE_PURITY },
						{ group: ['*.svelte', 'svelte', 'svelte/*'], message: CORE_PURITY }
					]
				}
			]
		}
	}
);
