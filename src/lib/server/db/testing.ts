// Test databases: always an in-memory PGlite; also a throwaway database on the real
// PostgreSQL server when TEST_DATABASE_URL is set. Each test file gets fresh ones; on
// PostgreSQL a copy of the migrated template Vitest's global setup made, when it ran
// (tests/unit/global-setup.ts), which saves each file the migrations.
import pg from 'pg';
import { openDatabase, type Database } from './index';

/** Env name of the migrated PostgreSQL database the throwaway ones are copied from. */
export const POSTGRES_TEMPLATE_ENV = 'FITNAVIGATOR_TEST_POSTGRES_TEMPLATE';

export type TestBackend = { name: 'pglite' | 'postgres'; open(): Promise<Database> };

const serverUrl = process.env.TEST_DATABASE_URL;

/**
 * A fresh database on the PostgreSQL server at `server`, and how to drop it: empty, or a copy
 * of the database `template` (which nobody may be connected to).
 */
export async function createThrowawayDatabase(
	server: string,
	template?: string
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
	const name = `fn_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
	const admin = async (query: string) => {
		const client = new pg.Client({ connectionString: server });
		await client.connect();
		try {
			await client.query(query);
		} finally {
			await client.end();
		}
	};
	await admin(template ? `create database ${name} template ${template}` : `create database ${name}`);
	const target = new URL(server);
	target.pathname = `/${name}`;
	return { name, url: target.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

async function openThrowawayPostgres(server: string): Promise<Database> {
	const throwaway = await createThrowawayDatabase(server, process.env[POSTGRES_TEMPLATE_ENV]);
	const database = await openDatabase({ url: throwaway.url });
	return {
		...database,
		async close() {
			await database.close();
			await throwaway.drop();
		}
	};
}

export function testBackends(): TestBackend[] {
	const backends: TestBackend[] = [{ name: 'pglite', open: () => openDatabase({}) }];
	if (serverUrl) backends.push({ name: 'postgres', open: () => openThrowawayPostgres(serverUrl) });
	else console.log('PostgreSQL tests skipped: TEST_DATABASE_URL is not set (PGlite tests still run).');
	return backends;
}
