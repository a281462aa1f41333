// Per-client write limits (rate-limiter-flexible, fixed window). On PostgreSQL the
// windows live in the database (table rate_limit, made by our migrations), so every
// instance behind a balancer counts the same votes, over the limiter's own connections
// with `synchronous_commit = off`: a vote then waits for one WAL flush (its own), not
// two, and all a database crash can lose is the last fraction of a second of counts,
// which only means a client may vote a few times more that minute. On the embedded
// PGlite (one process) they live in memory. If the database cannot be reached, each process falls
// back to its own memory limit rather than refusing or admitting everyone.
import { createHash } from 'node:crypto';
import { env } from '$env/dynamic/private';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { z } from 'zod';
import pg from 'pg';
import { appDatabase } from './db/app';

export type RateDecision = { admitted: true } | { admitted: false; retryAfterSeconds: number };
export type RateLimiter = (client: string) => Promise<RateDecision>;
export type RateRule = { limit: number; windowSeconds: number };

/** The client's key as stored: a hash, so no address is ever written to the database. */
const keyOf = (client: string) => createHash('sha256').update(client).digest('base64url').slice(0, 32);

/** A limiter for `rule` (null: limits off) kept in `pool`'s database, or in memory without one. */
export function rateLimiter(rule: RateRule | null, name: string, pool?: pg.Pool): RateLimiter {
	if (!rule) return async () => ({ admitted: true });
	const options = { points: rule.limit, duration: rule.windowSeconds, keyPrefix: name };
	const memory = new RateLimiterMemory(options);
	const store: RateLimiterAbstract = pool
		? new RateLimiterPostgres({ ...options, storeClient: pool, tableName: 'rate_limit', tableCreated: true, insuranceLimiter: memory })
		: memory;
	return async (client) => {
		try {
			await store.consume(keyOf(client));
			return { admitted: true };
		} catch (e) {
			if (!(e instanceof RateLimiterRes)) throw e;
			return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
		}
	};
}

/** The limiter's connections to `url`: commits that do not wait for the WAL flush. */
function limiterPool(url: string): pg.Pool {
	const pool = new pg.Pool({
		connectionString: url,
		max: 10,
		connectionTimeoutMillis: 2_000,
		options: '-c synchronous_commit=off',
		// Idle connections must not keep a stopping process alive.
		allowExitOnIdle: true
	});
	// An idle client losing its server (a restart) must not crash the process.
	pool.on('error', () => {});
	return pool;
}

const perMinute = z.coerce.number().int().min(0);
let feedback: RateLimiter | undefined;
let feedbackWithoutDatabase: RateLimiter | undefined;

/** Feedback votes per client and minute: FEEDBACK_RATE_LIMIT (default 20; 0 turns the limit off). */
export async function feedbackRateLimiter(): Promise<RateLimiter> {
	if (feedback) return feedback;
	const limit = perMinute.safeParse(env.FEEDBACK_RATE_LIMIT || 20);
	if (!limit.success) throw new Error(`FEEDBACK_RATE_LIMIT must be a whole number ≥ 0, not "${env.FEEDBACK_RATE_LIMIT}"`);
	const rule = limit.data === 0 ? null : { limit: limit.data, windowSeconds: 60 };
	try {
		const { kind } = await appDatabase();
		const url = rule && kind === 'postgres' ? env.DATABASE_URL : undefined;
		feedback ??= rateLimiter(rule, 'feedback', url ? limiterPool(url) : undefined);
		return feedback;
	} catch {
		// The database could not be opened yet (the vote will get 503 too): count in memory meanwhile.
		return (feedbackWithoutDatabase ??= rateLimiter(rule, 'feedback'));
	}
}

/**
 * Who a limit applies to. With TRUST_PROXY set, a request that lacks the forwarding
 * header (one that bypassed the proxy) makes adapter-node throw; such requests share
 * one client instead of failing with a 500.
 */
export function clientOf(event: { getClientAddress(): string }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown (no forwarding header)';
	}
}
