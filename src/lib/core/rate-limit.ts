// How many writes one client may make: a fixed window per client. Pure: the caller
// keeps the windows and says what time it is, so tests need no clock.

export type RateRule = { limit: number; windowMs: number };
export type RateWindow = { startedAt: number; used: number };
export type RateDecision = { admitted: true; window: RateWindow } | { admitted: false; window: RateWindow; retryAfterSeconds: number };

/** Admits one more request in `window` (undefined: the client's first), or says how long to wait. */
export function admit(window: RateWindow | undefined, now: number, rule: RateRule): RateDecision {
	const current = window && now - window.startedAt < rule.windowMs ? window : { startedAt: now, used: 0 };
	if (current.used < rule.limit) return { admitted: true, window: { ...current, used: current.used + 1 } };
	const waitMs = current.startedAt + rule.windowMs - now;
	return { admitted: false, window: current, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** A window that no longer limits anything and can be forgotten. */
export const expired = (window: RateWindow, now: number, rule: RateRule) => now - window.startedAt >= rule.windowMs;
