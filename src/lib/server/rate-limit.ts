// Per-client write limits kept in this process's memory (one server process; a
// restart forgets them, which only ever lets a client write more, never less).
import { env } from '$env/dynamic/private';
import { z } from 'zod';
import { admit, expired, type RateRule, type RateWindow } from '../core/rate-limit';

export type RateLimiter = (client: string, now?: number) => { admitted: true } | { admitted: false; retryAfterSeconds: number };

/** A limiter for `rule`, or one that admits everything when `rule` is null (limits off). */
export function rateLimiter(rule: RateRule | null): RateLimiter {
	if (!rule) return () => ({ admitted: true });
	const windows = new Map<string, RateWindow>();
	let nextSweep = 0;
	return (client, now = Date.now()) => {
		// Forget finished windows now and then, so memory follows active clients only.
		if (now >= nextSweep) {
			for (const [key, w] of windows) if (expired(w, now, rule)) windows.delete(key);
			nextSweep = now + rule.windowMs;
		}
		const decision = admit(windows.get(client), now, rule);
		windows.set(client, decision.window);
		return decision.admitted ? { admitted: true } : { admitted: false, retryAfterSeconds: decision.retryAfterSeconds };
	};
}

const perMinute = z.coerce.number().int().min(0);
let feedback: RateLimiter | undefined;

/** Feedback votes per client and minute: FEEDBACK_RATE_LIMIT (default 20; 0 turns the limit off). */
export function feedbackRateLimiter(): RateLimiter {
	if (!feedback) {
		const limit = perMinute.safeParse(env.FEEDBACK_RATE_LIMIT || 20);
		if (!limit.success) throw new Error(`FEEDBACK_RATE_LIMIT must be a whole number ≥ 0, not "${env.FEEDBACK_RATE_LIMIT}"`);
		feedback = rateLimiter(limit.data === 0 ? null : { limit: limit.data, windowMs: 60_000 });
	}
	return feedback;
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
