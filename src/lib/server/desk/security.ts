// A member's own sign-in settings: changing the password, and turning two-factor sign-in
// on (a key to scan, then the first code). The auth library does the work through the
// member's own session (the request's cookie); its refusals come back as outcomes.
import { APIError } from 'better-auth/api';
import { passwordProblem, type PasswordProblem } from '../../../../policy/password.js';
import { done, refuse, type Outcome } from '../../core/desk/outcome';
import { authFor, type DeskUser } from '../auth';
import type { Db } from '../db';
import { recordAudit } from './audit';
import { twoFactorSetup, type TwoFactorSetup } from './two-factor-setup';

/** Signed in with a password only although the account has a second factor (a session from before it was set up). */
export const secondFactorMissing = (user: DeskUser) => user.twoFactorEnabled && !user.sessionTwoFactor;

/** The library's refusal (a wrong password or code) as ours; anything else is not the user's doing. */
async function libraryRefusal<T>(field: string, call: () => Promise<T>): Promise<Outcome<T, 'wrong'>> {
	try {
		return done(await call());
	} catch (e) {
		if (e instanceof APIError) return refuse(field, 'wrong');
		throw e;
	}
}

/** A new password, checked against the policy and the current one; the member's other sessions end. */
export async function changePassword(
	db: Db,
	user: DeskUser,
	headers: Headers,
	passwords: { currentPassword: string; newPassword: string }
): Promise<Outcome<void, 'wrong' | 'second-factor-missing' | PasswordProblem>> {
	if (secondFactorMissing(user)) return refuse('currentPassword', 'second-factor-missing');
	const problem = await passwordProblem(passwords.newPassword, {
		current: passwords.currentPassword,
		userInputs: [user.email, user.name]
	});
	if (problem) return refuse('newPassword', problem);
	const auth = await authFor(db);
	const changed = await libraryRefusal('currentPassword', () =>
		auth.api.changePassword({ body: { ...passwords, revokeOtherSessions: true }, headers })
	);
	if (!changed.ok) return changed;
	await recordAudit(db, user, 'account.password', user.email, null, null);
	return done(undefined);
}

export type TwoFactorStart = TwoFactorSetup & { backupCodes: string[] };

/** Two-factor's first step, after the password: the key to scan and the ten recovery codes. */
export async function startTwoFactor(
	db: Db,
	user: DeskUser,
	headers: Headers,
	password: string
): Promise<Outcome<TwoFactorStart, 'wrong' | 'already-on'>> {
	if (user.twoFactorEnabled) return refuse('password', 'already-on');
	const auth = await authFor(db);
	const enabled = await libraryRefusal('password', () => auth.api.enableTwoFactor({ body: { password, method: 'totp' }, headers }));
	if (!enabled.ok) return enabled;
	if (enabled.value.method !== 'totp') throw new Error('TOTP was asked for');
	return done({ ...(await twoFactorSetup(enabled.value.totpURI)), backupCodes: enabled.value.backupCodes });
}

/**
 * The first code from the app: the library turns two-factor on and replaces this session
 * with one that has it; auth.ts writes the audit row.
 */
export async function confirmTwoFactor(db: Db, headers: Headers, code: string): Promise<Outcome<void, 'wrong'>> {
	const auth = await authFor(db);
	const verified = await libraryRefusal('code', () => auth.api.verifyTOTP({ body: { code }, headers }));
	return verified.ok ? done(undefined) : verified;
}
