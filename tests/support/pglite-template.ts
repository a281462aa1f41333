// A PGlite folder migrated once per test run and copied for each server that needs one:
// a cold PGlite migrates for seconds, a copy of a migrated folder opens in a fraction.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db/index';

/** Makes the migrated folder (the app's own migrations, as a server would run them). */
export async function makeMigratedTemplate(): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'fitnavigator-template-'));
	const database = await openDatabase({ dataDir: dir });
	await database.close();
	return dir;
}

/** A fresh data folder for one server, starting from the template's migrated state. */
export function copyTemplate(template: string, prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	cpSync(template, dir, { recursive: true });
	return dir;
}
