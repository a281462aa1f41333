// Tells "the database cannot be reached right now" (a restart, a refused or timed-out
// connection) from a bug, so writes answer 503 and retry later instead of 500.
import { err, ok, type Result } from '../../core/result';
import { databaseErrorsTotal } from '../metrics';
import { appDatabase } from './app';
import type { Db } from './index';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATE: class 08 is "connection exception"; these say the server is going away or not ready.
const SERVER_GOING_AWAY = new Set(['57P01', '57P02', '57P03', '53300']);
// node-postgres reports a lost or never-made connection with these messages and no code.
const PG_CONNECTION_MESSAGE =
	/timeout exceeded when trying to connect|Connection terminated|connection error and is not queryable|Query read timeout/i;

export function isDatabaseUnavailable(error: unknown): boolean {
	// Drizzle wraps the driver's error; the reason is somewhere down the cause chain.
	for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_GOING_AWAY.has(code) || code.startsWith('08'))) return true;
		if (PG_CONNECTION_MESSAGE.test(e.message)) return true;
		if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
	}
	return false;
}

/** Runs one unit of work on the app's database; an unreachable database is a value, anything else still throws. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<Result<T, 'unavailable'>> {
	try {
		return ok(await work((await appDatabase()).db));
	} catch (e) {
		if (isDatabaseUnavailable(e)) {
			databaseErrorsTotal.inc();
			return err('unavailable');
		}
		throw e;
	}
}
