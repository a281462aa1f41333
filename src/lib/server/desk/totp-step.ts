// TOTP codes are single use (RFC 6238 §5.2): the auth library checks a code against the
// time steps around now but keeps no record, so a code seen over a shoulder or replayed
// from a log would work again for up to a minute and a half. Here the step a code belongs
// to is found (the current one or one either side) and claimed for its account in one
// statement: a step at or before the newest claimed one is refused, so of two requests
// with the same code only one gets through.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { deskTotpStep } from '../db/desk-schema';

const PERIOD_SECONDS = 30; // as the library's default, and what authenticator apps assume
const DIGITS = 6;
/** Steps either side of now that a code may come from: clocks drift, people type slowly. */
export const STEP_WINDOW = 1;

/** RFC 4226 HOTP of `step` for `secret` (the library's secrets are its key's UTF-8 bytes). */
function hotp(secret: string, step: number): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(step));
	const mac = createHmac('sha1', Buffer.from(secret, 'utf8')).update(counter).digest();
	const offset = mac[mac.length - 1] & 0xf;
	return String(mac.readUInt32BE(offset) & 0x7fffffff)
		.padStart(10, '0')
		.slice(-DIGITS);
}

export const stepAt = (ms: number): number => Math.floor(ms / 1000 / PERIOD_SECONDS);

/** The time step within ±STEP_WINDOW of `nowMs` whose code `code` is, if any. */
export function matchingStep(secret: string, code: string, nowMs: number): number | undefined {
	if (!/^\d{6}$/.test(code)) return undefined;
	const now = stepAt(nowMs);
	let found: number | undefined;
	// Every candidate is compared, so the time taken does not tell which one matched.
	for (let step = now - STEP_WINDOW; step <= now + STEP_WINDOW; step++)
		if (timingSafeEqual(Buffer.from(hotp(secret, step)), Buffer.from(code)) && found === undefined) found = step;
	return found;
}

/** Claims `step` for the account: true once, false when it or a later step was already used. */
export async function claimStep(db: Db, userId: string, step: number): Promise<boolean> {
	const claimed = await db
		.insert(deskTotpStep)
		.values({ userId, step })
		.onConflictDoUpdate({ target: deskTotpStep.userId, set: { step }, setWhere: sql`${deskTotpStep.step} < ${step}` })
		.returning({ step: deskTotpStep.step });
	return claimed.length === 1;
}
