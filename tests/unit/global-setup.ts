// Once per Vitest run: the migrated PostgreSQL database each test file's throwaway databases
// are copied from (`create database … template`), so no file runs the migrations again. The
// env reaches the test workers, which start after this (src/lib/server/db/testing.ts).
// PGlite gets no such copy: a database loaded from a migrated dump (`loadDataDir`) opened in
// a quarter of the time but ran queries three times slower here (docs/testing.md).
import { openDatabase } from '../../src/lib/server/db/index';
import { createThrowawayDatabase, POSTGRES_TEMPLATE_ENV } from '../../src/lib/server/db/testing';

export default async function setup() {
	if (!process.env.TEST_DATABASE_URL) return;
	const template = await createThrowawayDatabase(process.env.TEST_DATABASE_URL);
	try {
		await (await openDatabase({ url: template.url })).close();
	} catch (error) {
		await template.drop();
		throw error;
	}
	process.env[POSTGRES_TEMPLATE_ENV] = template.name;
	return () => template.drop();
}
