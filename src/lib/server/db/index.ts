// The one place that opens a database. PGlite (embedded, zero setup) unless a
// postgres:// URL is given; the same Drizzle schema and migrations serve both.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Database = {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** The connection pool on PostgreSQL (shared with rate-limiter-flexible's store). */
	pool?: pg.Pool;
	/** Resolves when the database answers a trivial query. */
	ping(): Promise<void>;
	close(): Promise<void>;
};

export type DatabaseOptions = {
	/** postgres:// URL; when absent the embedded PGlite is used. */
	url?: string;
	/** Folder for PGlite's files; absent means in memory (tests). */
	dataDir?: string;
	migrationsFolder?: string;
};

const MIGRATION_LOCK = 727_115; // any constant: serialises migrations of servers sharing a database

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
	const migrationsFolder = options.migrationsFolder ?? resolve('drizzle');
	if (options.url) {
		if (!/^postgres(ql)?:\/\//.test(options.url)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
		const pool = new pg.Pool({
			connectionString: options.url,
			max: 20,
			// Fail fast while the server is down, so callers answer 503 instead of hanging.
			connectionTimeoutMillis: 2_000,
			query_timeout: 10_000
		});
		// An idle client losing its server (a restart) must not crash the process.
		pool.on('error', () => {});
		const client = await pool.connect();
		try {
			await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
			await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
		} finally {
			await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
			client.release();
		}
		return {
			db: drizzlePg(pool, { schema }),
			kind: 'postgres',
			pool,
			ping: async () => void (await pool.query('select 1')),
			close: () => pool.end()
		};
	}
	let path: string | undefined;
	if (options.dataDir) {
		path = join(resolve(options.dataDir), 'pglite');
		mkdirSync(path, { recursive: true });
	}
	const client = await PGlite.create(path);
	const db = drizzlePglite(client, { schema });
	await migratePglite(db, { migrationsFolder });
	return {
		db,
		kind: 'pglite',
		ping: async () => void (await client.query('select 1')),
		close: () => client.close()
	};
}
