// Once per resilience run: the migrated PGlite folder every PGlite server starts from.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { makeMigratedTemplate } from '../support/pglite-template';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
	}
}

export default async function setup(project: TestProject) {
	const template = await makeMigratedTemplate();
	project.provide('pgliteTemplate', template);
	return () => rmSync(template, { recursive: true, force: true });
}
