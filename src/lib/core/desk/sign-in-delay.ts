// How long a sign-in must wait after failed attempts. Per account the wait grows with each
// failure past a few free ones but never beyond a minute, so someone typing a victim's
// email can slow her down, never shut her out; per client (one address) a fixed window
// caps the guesses. Pure: the server stores the counts and passes the time.

/** Failures an account may have before any wait. */
export const FREE_FAILURES = 4;
/** The longest wait per account, in seconds. */
export const MAX_ACCOUNT_WAIT_SECONDS = 60;
/** An account's or client's count starts over after this long without a failure (account) or since the first (client). */
export const FAILURE_WINDOW_SECONDS = 15 * 60;
/** Failed attempts one client may make in a window. */
export const CLIENT_FAILURES = 30;

export type FailureCount = { failures: number; firstAt: Date; lastAt: Date };
export type Wait = { scope: 'account' | 'client'; seconds: number };

/** Seconds an account waits after its `failures`-th failure in a row: 0, 0, 0, 0, 2, 4, 8, …, 60. */
export function accountWaitSeconds(failures: number): number {
	if (failures <= FREE_FAILURES) return 0;
	return Math.min(MAX_ACCOUNT_WAIT_SECONDS, 2 ** (failures - FREE_FAILURES));
}

const secondsLeft = (until: number, now: Date) => Math.ceil((until - now.getTime()) / 1000);

/** The wait an account's count imposes at `now`, if any. */
export function accountWait(count: FailureCount | undefined, now: Date): Wait | undefined {
	if (!count || now.getTime() - count.lastAt.getTime() >= FAILURE_WINDOW_SECONDS * 1000) return undefined;
	const seconds = secondsLeft(count.lastAt.getTime() + accountWaitSeconds(count.failures) * 1000, now);
	return seconds > 0 ? { scope: 'account', seconds } : undefined;
}

/** The wait a client's count imposes at `now`, if any: the rest of its window once it has used up its failures. */
export function clientWait(count: FailureCount | undefined, now: Date): Wait | undefined {
	if (!count || count.failures < CLIENT_FAILURES) return undefined;
	const seconds = secondsLeft(count.firstAt.getTime() + FAILURE_WINDOW_SECONDS * 1000, now);
	return seconds > 0 ? { scope: 'client', seconds } : undefined;
}
