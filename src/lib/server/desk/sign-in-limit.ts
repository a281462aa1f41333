// Sign-in attempts are limited per account and per client, so guessing one password
// slowly from many places, or many passwords from one place, both stall. In memory:
// a restart forgets, which costs an attacker nothing they could not get by waiting.
import { rateLimiter } from '../rate-limit';

const perClient = rateLimiter({ limit: 30, windowSeconds: 15 * 60 }, 'sign-in-client');
const perAccount = rateLimiter({ limit: 10, windowSeconds: 15 * 60 }, 'sign-in-account');

/** Seconds to wait, or undefined when this attempt may go ahead. `account` is undefined for the code step. */
export async function signInAttempt(account: string | undefined, client: string): Promise<number | undefined> {
	const byClient = await perClient(client);
	const byAccount = account === undefined ? undefined : await perAccount(account.trim().toLowerCase());
	if (!byClient.admitted) return byClient.retryAfterSeconds;
	if (byAccount && !byAccount.admitted) return byAccount.retryAfterSeconds;
	return undefined;
}
