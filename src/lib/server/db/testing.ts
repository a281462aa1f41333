// Test databases: always an in-memory PGlite; also a throwaway database on the real
// PostgreSQL server when TEST_DATABASE_URL is set. Each test file gets fresh ones.
import pg from 'pg';
import { openDatabase, type Database } from './index';

export type TestBackend = { name: 'pglite' | 'postgres'; open(): Promise<Database> };

const serverUrl = process.env.TEST_DATABASE_URL;

async function openThrowawayPostgres(url: string): Promise<Database> {
	const name = `fn_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const target = new URL(url);
	target.pathname = `/${name}`;
	const database = await openDatabase({ url: target.toString() });
	return {
		...database,
		async close() {
			await database.close();
			const cleanup = new pg.Client({ connectionString: url });
			await cleanup.connect();
			await cleanup.query(`drop database if exists ${name} with (force)`);
			await cleanup.end();
		}
	};
}

export function testBackends(): TestBackend[] {
	const backends: TestBackend[] = [{ name: 'pglite', open: () => openDatabase({}) }];
	if (serverUrl) backends.push({ name: 'postgres', open: () => openThrowawayPostgres(serverUrl) });
	else console.log('PostgreSQL tests skipped: TEST_DATABASE_URL is not set (PGlite tests still run).');
	return backends;
}
