import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { builtinModules } from 'node:module';
import svelteConfig from './svelte.config.js';

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
