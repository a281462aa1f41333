// Sign-in attempts are limited per account and per client, so guessing one password
// slowly from many places, or many passwords from one place, both stall. On PostgreSQL
// the counts live in the database like the feedback limit's, so several instances behind
// a balancer do not each grant their own 10 guesses; on PGlite (one process) in memory.
import { appDatabase } from '../db/app';
import { rateLimiter, type RateLimiter } from '../rate-limit';

const WINDOW_SECONDS = 15 * 60;
let limits: Promise<{ perClient: RateLimiter; perAccount: RateLimiter }> | undefined;

function limiters() {
	// The desk cannot sign anyone in without its database, so its pool is there or the attempt fails anyway.
	limits ??= appDatabase().then(
		({ pool }) => ({
			perClient: rateLimiter({ limit: 30, windowSeconds: WINDOW_SECONDS }, 'sign-in-client', pool),
			perAccount: rateLimiter({ limit: 10, windowSeconds: WINDOW_SECONDS }, 'sign-in-account', pool)
		}),
		(e) => {
			limits = undefined;
			throw e;
		}
	);
	return limits;
}

/** Seconds to wait, or undefined when this attempt may go ahead. `account` is undefined for the code step. */
export async function signInAttempt(account: string | undefined, client: string): Promise<number | undefined> {
	const { perClient, perAccount } = await limiters();
	const byClient = await perClient(client);
	const byAccount = account === undefined ? undefined : await perAccount(account.trim().toLowerCase());
	if (!byClient.admitted) return byClient.retryAfterSeconds;
	if (byAccount && !byAccount.admitted) return byAccount.retryAfterSeconds;
	return undefined;
}
