// Signing in to the desk, both steps: the password, then (where the account has one) a
// TOTP or recovery code. Each step asks the limits first, and records a failure or a
// success in them and in the audit log; the auth library does the checking.
import { APIError } from 'better-auth/api';
import { normalEmail } from '../../core/desk/email';
import type { Wait } from '../../core/desk/sign-in-delay';
import { authFor } from '../auth';
import type { Db } from '../db';
import { recordAudit, type Actor } from './audit';
import { clearAccountFailures, clientKey, recordSignInFailure, signInWait } from './sign-in-limit';

export type SignInOutcome = { kind: 'signed-in' } | { kind: 'code' } | { kind: 'failed' } | { kind: 'limited'; wait: Wait };

/** A recovery code as the library makes them: ten letters and digits, shown as two groups of five. */
const RECOVERY_CODE = /^([A-Za-z0-9]{5})-?([A-Za-z0-9]{5})$/;

const someone = (email: string): Actor => ({ id: null, email });

async function failed(db: Db, email: string, client: string, step: 'password' | 'code'): Promise<SignInOutcome> {
	const wait = await recordSignInFailure(db, { account: email, client });
	await recordAudit(db, someone(email), 'sign-in.failed', email, null, { step, client: clientKey(client) });
	if (wait) await recordAudit(db, someone(email), 'sign-in.limited', email, null, { step, ...wait });
	return { kind: 'failed' };
}

async function succeeded(db: Db, user: { id: string; email: string }, method: string): Promise<SignInOutcome> {
	await clearAccountFailures(db, user.email);
	await recordAudit(db, user, 'sign-in', user.email, null, { method });
	return { kind: 'signed-in' };
}

/** The password step. `headers` carry the request's cookies; the library sets the session or the code step's cookie. */
export async function signInWithPassword(
	db: Db,
	input: { email: string; password: string },
	client: string,
	headers: Headers
): Promise<SignInOutcome> {
	const email = normalEmail(input.email);
	const wait = await signInWait(db, { account: email, client });
	if (wait) return { kind: 'limited', wait };
	const auth = await authFor(db);
	let result;
	try {
		result = await auth.api.signInEmail({ body: { email, password: input.password }, headers });
	} catch (e) {
		if (e instanceof APIError) return failed(db, email, client, 'password');
		throw e;
	}
	// The password was right, but the account is not signed in until its code is: its failures stand.
	if ('twoFactorRedirect' in result && result.twoFactorRedirect) return { kind: 'code' };
	return succeeded(db, { id: result.user.id, email }, 'password');
}

/** The code step: a six-digit TOTP code or one of the recovery codes, for the account whose password was just right. */
export async function signInWithCode(db: Db, code: string, client: string, headers: Headers): Promise<SignInOutcome> {
	const auth = await authFor(db);
	const pending = await auth.api.pendingSignIn({ headers });
	if (!pending) return { kind: 'failed' }; // no password step, or it expired: nothing to count against
	const wait = await signInWait(db, { account: pending.email, client });
	if (wait) return { kind: 'limited', wait };
	const recovery = RECOVERY_CODE.exec(code);
	try {
		if (/^\d{6}$/.test(code)) await auth.api.verifyTOTP({ body: { code }, headers });
		else if (recovery) await auth.api.verifyBackupCode({ body: { code: `${recovery[1]}-${recovery[2]}` }, headers });
		else return failed(db, pending.email, client, 'code');
	} catch (e) {
		if (e instanceof APIError) return failed(db, pending.email, client, 'code');
		throw e;
	}
	return succeeded(db, pending, recovery ? 'recovery-code' : 'totp');
}
