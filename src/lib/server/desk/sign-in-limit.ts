// Sign-in attempts are limited per account and per client, so guessing one password
// slowly from many places, or many passwords from one place, both stall. In memory:
// a restart forgets, which costs an attacker nothing they could not get by waiting.
import { admit, expired, type RateRule, type RateWindow } from '../../core/rate-limit';

const PER_ACCOUNT: RateRule = { limit: 10, windowMs: 15 * 60_000 };
const PER_CLIENT: RateRule = { limit: 30, windowMs: 15 * 60_000 };

const accounts = new Map<string, RateWindow>();
const clients = new Map<string, RateWindow>();

function take(map: Map<string, RateWindow>, key: string, rule: RateRule, now: number): number | undefined {
	if (map.size > 10_000) for (const [k, w] of map) if (expired(w, now, rule)) map.delete(k);
	const decision = admit(map.get(key), now, rule);
	map.set(key, decision.window);
	return decision.admitted ? undefined : decision.retryAfterSeconds;
}

/** Seconds to wait, or undefined when this attempt may go ahead. `account` is undefined for the code step. */
export function signInAttempt(account: string | undefined, client: string, now = Date.now()): number | undefined {
	const byClient = take(clients, client, PER_CLIENT, now);
	const byAccount = account === undefined ? undefined : take(accounts, account.trim().toLowerCase(), PER_ACCOUNT, now);
	return byClient ?? byAccount;
}
