// The browser tests' server gets its own database: a throwaway one on the real
// PostgreSQL server when TEST_DATABASE_URL is set, otherwise PGlite in a temp folder.
import pg from 'pg';

const e2eDatabaseName = () => process.env.E2E_DATABASE_NAME;

export function e2eDatabaseUrl(): string | undefined {
	const server = process.env.TEST_DATABASE_URL;
	if (!server) return undefined;
	const url = new URL(server);
	url.pathname = `/${e2eDatabaseName()}`;
	return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

/**
 * Called when the config loads. The runner creates the database before its web server
 * starts; workers load the config again but inherit the name, so they create nothing.
 */
export async function prepareE2eDatabase(): Promise<void> {
	if (!process.env.TEST_DATABASE_URL) {
		if (!process.env.E2E_DATABASE_NOTE)
			console.log('Browser tests use PGlite: TEST_DATABASE_URL is not set, so rows are checked through the API.');
		process.env.E2E_DATABASE_NOTE = '1';
		return;
	}
	if (e2eDatabaseName()) return;
	process.env.E2E_DATABASE_NAME = `fn_e2e_${process.pid}_${Date.now().toString(36)}`;
	await admin((c) => c.query(`create database ${e2eDatabaseName()}`));
}

export async function dropE2eDatabase(): Promise<void> {
	if (process.env.TEST_DATABASE_URL && e2eDatabaseName())
		await admin((c) => c.query(`drop database if exists ${e2eDatabaseName()} with (force)`));
}

/** Runs a query on the e2e server's database; undefined when it is PGlite (held by the server). */
export async function queryE2e<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[] | undefined> {
	const url = e2eDatabaseUrl();
	if (!url) return undefined;
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return (await client.query<T>(text, values)).rows;
	} finally {
		await client.end();
	}
}
