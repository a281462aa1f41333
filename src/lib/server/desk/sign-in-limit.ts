// Sign-in limits that count failures only, in the database (so several instances behind
// a balancer share one count, on PGlite and PostgreSQL alike): per account a growing
// delay of at most a minute, cleared by a successful sign-in, so nobody can lock an
// owner out by typing her email; per client a fixed window of failed guesses. The
// schedule is src/lib/core/desk/sign-in-delay.ts; clients are stored as hashes only.
import { createHash } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { normalEmail } from '../../core/desk/email';
import { accountWait, clientWait, FAILURE_WINDOW_SECONDS, type FailureCount, type Wait } from '../../core/desk/sign-in-delay';
import type { Db } from '../db';
import { deskSignInFailure } from '../db/desk-schema';

export type SignInParty = { account?: string; client: string };

export const accountKey = (email: string) => `account:${normalEmail(email)}`;
export const clientKey = (client: string) => `client:${createHash('sha256').update(client).digest('base64url').slice(0, 32)}`;

/** How long this attempt must wait, if it must: the longer of the client's and the account's waits. */
export async function signInWait(db: Db, party: SignInParty, now = new Date()): Promise<Wait | undefined> {
	const keys = [clientKey(party.client), ...(party.account === undefined ? [] : [accountKey(party.account)])];
	const rows = await db.select().from(deskSignInFailure).where(inArray(deskSignInFailure.key, keys));
	const count = (key: string) => rows.find((r) => r.key === key);
	const waits = [
		clientWait(count(keys[0]), now),
		party.account === undefined ? undefined : accountWait(count(accountKey(party.account)), now)
	].filter((w) => w !== undefined);
	return waits.sort((a, b) => b.seconds - a.seconds)[0];
}

/**
 * One more failure for `key`, atomically: the count starts over once the window has passed
 * (for an account since its last failure, for a client since its first).
 */
async function countFailure(db: Db, key: string, windowFrom: 'first_at' | 'last_at', now: Date): Promise<FailureCount> {
	const cutoff = new Date(now.getTime() - FAILURE_WINDOW_SECONDS * 1000).toISOString();
	const stale = sql.raw(`"desk_sign_in_failure"."${windowFrom}"`);
	const [row] = await db
		.insert(deskSignInFailure)
		.values({ key, failures: 1, firstAt: now, lastAt: now })
		.onConflictDoUpdate({
			target: deskSignInFailure.key,
			set: {
				failures: sql`case when ${stale} <= ${cutoff}::timestamptz then 1 else "desk_sign_in_failure"."failures" + 1 end`,
				firstAt: sql`case when ${stale} <= ${cutoff}::timestamptz then excluded.first_at else "desk_sign_in_failure"."first_at" end`,
				lastAt: sql`excluded.last_at`
			}
		})
		.returning();
	return row;
}

/** Counts a failed attempt; returns the wait it leaves in force, if any, for the message and the audit log. */
export async function recordSignInFailure(db: Db, party: SignInParty, now = new Date()): Promise<Wait | undefined> {
	const client = await countFailure(db, clientKey(party.client), 'first_at', now);
	const account = party.account === undefined ? undefined : await countFailure(db, accountKey(party.account), 'last_at', now);
	const started = [clientWait(client, now), account && accountWait(account, now)].filter((w) => w !== undefined);
	return started.sort((a, b) => b.seconds - a.seconds)[0];
}

/** A successful sign-in: the account's count starts over (the client's does not, or one good account would reset a guesser's). */
export async function clearAccountFailures(db: Db, account: string): Promise<void> {
	await db.delete(deskSignInFailure).where(eq(deskSignInFailure.key, accountKey(account)));
}
