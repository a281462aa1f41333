// The two boundary rules in eslint.config.js, proven on fixtures: browser storage stays in
// src/lib/browser (components and pages go through its adapters) and server code never
// imports src/lib/browser. Each fixture is linted as if it sat where the rule applies.
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The fixture is linted under a path where no file is, which the type-aware parse cannot
// open: these rules need no types, so that parse (and the rules that need it) are off here.
const eslint = new ESLint({
	cwd: process.cwd(),
	overrideConfig: {
		files: ['**/*.svelte'],
		languageOptions: { parserOptions: { projectService: false } },
		rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' }
	}
});
const fixture = (name: string) => readFileSync(new URL(`./fixtures/boundaries/${name}`, import.meta.url), 'utf8');

/** The lines of `source`, linted as `filePath`, that the named rules flag. */
async function flagged(source: string, filePath: string, rules: string[]): Promise<number[]> {
	const [result] = await eslint.lintText(source, { filePath });
	return result.messages.filter((m) => m.ruleId && rules.includes(m.ruleId)).map((m) => m.line);
}

const STORAGE_RULES = ['no-restricted-globals', 'no-restricted-properties', 'no-restricted-imports'];
const BROWSER_RULES = ['no-restricted-imports', 'no-restricted-syntax'];

describe('storage stays in src/lib/browser', () => {
	const component = fixture('storage-in-component.svelte');

	it.each(['src/lib/components/Fixture.svelte', 'src/lib/components/diary/Fixture.svelte', 'src/routes/[lang=lang]/fixture/+page.svelte'])(
		'flags idb, localStorage, window.localStorage and indexedDB in %s',
		async (filePath) => {
			expect(await flagged(component, filePath, STORAGE_RULES)).toEqual([3, 5, 6, 8]);
		}
	);

	it('lets the adapters in src/lib/browser use storage', async () => {
		const adapter =
			"import { openDB } from 'idb';\nexport const open = () => openDB('x', 1);\nexport const read = () => localStorage.getItem('x');\n";
		expect(await flagged(adapter, 'src/lib/browser/fixture-store.ts', STORAGE_RULES)).toEqual([]);
	});
});

describe('server code does not import src/lib/browser', () => {
	const server = fixture('browser-in-server.ts');

	it.each([
		'src/lib/server/fixture.ts',
		'src/lib/server/desk/reviews/fixture.ts',
		'src/routes/[lang=lang]/diary/+page.server.ts',
		'src/routes/api/v1/fixture/+server.ts',
		'src/hooks.server.ts'
	])('flags the static and the dynamic import in %s', async (filePath) => {
		expect(await flagged(server, filePath, BROWSER_RULES)).toEqual([3, 5]);
	});

	it('lets pages and components import the adapters', async () => {
		expect(await flagged(server, 'src/routes/[lang=lang]/diary/+page.ts', BROWSER_RULES)).toEqual([]);
	});
});
