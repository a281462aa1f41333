// The ESLint rule that keeps src/lib/core pure: it must fire on every kind of import that
// would bring I/O in, at any depth, and stay quiet on the core's own imports.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(source: string, filePath: string): Promise<boolean> {
	const [result] = await eslint.lintText(`${source}\nexport const x = y;\n`, { filePath });
	return result.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

const FILES = ['src/lib/core/feedback.ts', 'src/lib/core/content/view.ts', 'src/lib/core/assessment/rules/deep/x.ts'];

describe('core purity rule', () => {
	it.each([
		"import { y } from 'fs';",
		"import { y } from 'node:fs';",
		"import { y } from 'fs/promises';",
		"import { y } from 'node:path';",
		"import { y } from 'child_process';",
		"import { y } from '../server/markdown';",
		"import { y } from '../../server/markdown';",
		"import { y } from '../../../server/db/schema';",
		"import { y } from '../../lib/server';",
		"import { y } from '$lib/server/content';",
		"import { y } from '$lib/server';",
		"import { y } from '$app/environment';",
		"import { y } from '$env/dynamic/private';",
		"import { y } from 'drizzle-orm';",
		"import { y } from 'drizzle-orm/pg-core';",
		"import { y } from 'pg';",
		"import { y } from '@electric-sql/pglite';",
		"import { y } from 'idb';",
		"import { y } from 'svelte';",
		"import { y } from 'svelte/store';",
		"import y from '../components/X.svelte';",
		"import { y } from 'pino';",
		"export { y } from 'node:fs';"
	])('fires on %s, at every depth', async (source) => {
		for (const file of FILES) expect(await restricted(source, file), file).toBe(true);
	});

	it.each([
		"import { y } from './result';",
		"import { y } from '../result';",
		"import { y } from 'zod';",
		"import { y } from './content/schema';"
	])('stays quiet on %s', async (source) => {
		for (const file of FILES) expect(await restricted(source, file), file).toBe(false);
	});

	it('does not apply outside the core, nor to its tests', async () => {
		expect(await restricted("import { y } from 'node:fs';", 'src/lib/server/feedback.ts')).toBe(false);
		expect(await restricted("import { y } from '../../server/content-files';", 'src/lib/core/content/library.spec.ts')).toBe(false);
	});
});
