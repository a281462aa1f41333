// Team accounts through better-auth: email and password (the library's hashing),
// sessions in our database, TOTP two-factor with ten recovery codes. There is no HTTP
// handler and so no public sign-up: the desk's own form actions call `auth.api.*`, and
// the library's cookies are passed to SvelteKit's, Secure only when the request came
// over HTTPS. Added to the library: TOTP steps are single use (desk/totp-step.ts), each
// session records whether a second factor opened it, and sessions end 30 minutes after
// the last use or 12 hours after sign-in, whichever comes first.
import { randomBytes } from 'node:crypto';
import { getRequestEvent } from '$app/server';
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { parseSetCookieHeader } from 'better-auth/cookies';
import { symmetricDecrypt } from 'better-auth/crypto';
import { twoFactor } from 'better-auth/plugins';
import { APIError, createAuthEndpoint, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import { env } from '$env/dynamic/private';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../policy/password.js';
import { isRole } from '../core/desk/roles';
import type { Db } from './db';
import { deskAccount, deskSecret, deskSession, deskTwoFactor, deskUser, deskVerification, type DeskUserRow } from './db/desk-schema';
import { recordAudit } from './desk/audit';
import { claimStep, matchingStep } from './desk/totp-step';

export { PASSWORD_MAX, PASSWORD_MIN };
/** A session ends this long after its last use (ASVS 3.3.2's idle timeout)… */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** …and this long after sign-in however busy it is (3.3.2's absolute lifetime). */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** How often a used session's idle deadline moves on: it ends 25 to 30 minutes after the last request. */
const SESSION_REFRESH_SECONDS = 5 * 60;
export const COOKIE_PREFIX = 'fn-desk';
/** The library's paths that open a session on a second factor. */
const SECOND_FACTOR_PATHS = new Set(['/two-factor/verify-totp', '/two-factor/verify-backup-code']);

/** The signing secret: BETTER_AUTH_SECRET, else one made on first use and kept in the database. */
async function authSecret(db: Db): Promise<string> {
	if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
	await db
		.insert(deskSecret)
		.values({ id: 1, secret: randomBytes(32).toString('base64url') })
		.onConflictDoNothing();
	const [row] = await db.select().from(deskSecret).where(eq(deskSecret.id, 1));
	return row.secret;
}

// Outside a request (tests, scripts) there are no cookies to set.
function currentRequest() {
	try {
		return getRequestEvent();
	} catch {
		return undefined;
	}
}

/** Copies the library's Set-Cookie headers onto SvelteKit's cookies; Secure exactly when the request is HTTPS. */
const svelteKitCookies = () => ({
	id: 'fitnavigator-desk-cookies',
	hooks: {
		after: [
			{
				matcher: () => true,
				handler: createAuthMiddleware(async (ctx) => {
					const headers = ctx.context.responseHeaders;
					const setCookie = headers instanceof Headers ? headers.get('set-cookie') : null;
					if (!setCookie) return;
					const event = currentRequest();
					if (!event) return;
					for (const [name, attributes] of parseSetCookieHeader(setCookie)) {
						const maxAge = attributes['max-age'];
						event.cookies.set(name, attributes.value, {
							path: '/',
							httpOnly: true,
							sameSite: 'lax',
							secure: event.url.protocol === 'https:',
							...(maxAge !== undefined ? { maxAge: Number(maxAge) } : {})
						});
					}
				})
			}
		]
	}
});

type EndpointContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The account a half-finished sign-in (password right, code still to come) belongs to: the library's two-factor cookie names it. */
async function pendingUserId(ctx: EndpointContext): Promise<string | undefined> {
	const cookie = ctx.context.createAuthCookie('two_factor');
	const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
	if (!identifier) return undefined;
	return (await ctx.context.internalAdapter.findVerificationValue(identifier))?.value;
}

/**
 * A TOTP code's time step is claimed before the library accepts the code, on every path
 * to it (sign-in and setup), so a step accepted once is refused for that account after.
 * And `pendingSignIn` tells the desk whose code step this is, for its limits and its log.
 */
const deskTwoFactorRules = (db: Db) =>
	({
		id: 'fitnavigator-desk-two-factor',
		endpoints: {
			pendingSignIn: createAuthEndpoint.serverOnly({ method: 'GET' }, async (ctx) => {
				const userId = await pendingUserId(ctx);
				const user = userId ? await ctx.context.internalAdapter.findUserById(userId) : null;
				return user ? { id: user.id, email: user.email } : null;
			})
		},
		hooks: {
			before: [
				{
					matcher: (ctx) => ctx.path === '/two-factor/verify-totp',
					handler: createAuthMiddleware(async (ctx) => {
						const userId = (await getSessionFromCtx(ctx))?.user.id ?? (await pendingUserId(ctx));
						if (!userId) return; // the library refuses the request
						const [enrolled] = await db.select().from(deskTwoFactor).where(eq(deskTwoFactor.userId, userId));
						if (!enrolled) return;
						// Our secrets are generated by the library, never imported ("base32:…"), so they are used as they decrypt.
						const secret = await symmetricDecrypt({ key: ctx.context.secretConfig, data: enrolled.secret });
						const step = matchingStep(secret, String((ctx.body as { code?: unknown })?.code ?? ''), Date.now());
						if (step === undefined) return; // a wrong code: the library refuses and counts it
						if (!(await claimStep(db, userId, step))) throw new APIError('UNAUTHORIZED', { message: 'Invalid code', code: 'INVALID_CODE' });
					})
				}
			]
		}
	}) satisfies BetterAuthPlugin;

function createAuth(db: Db, secret: string) {
	return betterAuth({
		appName: 'FitNavigator',
		baseURL: env.ORIGIN || 'http://localhost',
		secret,
		telemetry: { enabled: false },
		// Sign-in is rate-limited by the desk itself, per account and per client.
		rateLimit: { enabled: false },
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: { user: deskUser, session: deskSession, account: deskAccount, verification: deskVerification, twoFactor: deskTwoFactor }
		}),
		// The library counts UTF-16 units; policy/password.js counts characters and is checked first.
		emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: PASSWORD_MIN, maxPasswordLength: 2 * PASSWORD_MAX },
		user: {
			additionalFields: {
				role: { type: 'string', required: true, input: false },
				specialty: { type: 'string', required: false, defaultValue: '', input: false },
				disabled: { type: 'boolean', required: false, defaultValue: false, input: false }
			}
		},
		session: {
			expiresIn: SESSION_IDLE_SECONDS,
			updateAge: SESSION_REFRESH_SECONDS,
			additionalFields: { secondFactor: { type: 'boolean', required: false, defaultValue: false, input: false } }
		},
		advanced: { cookiePrefix: COOKIE_PREFIX, useSecureCookies: false },
		databaseHooks: {
			session: {
				create: {
					// A disabled account gets no new session, whatever path asks for one. A session
					// opened by a second factor says so; one that replaces the current session (a
					// password change) keeps what the current one had; every other is password only.
					before: async (session, ctx) => {
						const [user] = await db.select({ disabled: deskUser.disabled }).from(deskUser).where(eq(deskUser.id, session.userId));
						if (!user || user.disabled) return false;
						const current = ctx?.context.session?.session as { secondFactor?: boolean } | undefined;
						const secondFactor =
							SECOND_FACTOR_PATHS.has(ctx?.path ?? '') || (ctx?.path === '/change-password' && current?.secondFactor === true);
						return { data: { ...session, secondFactor } };
					}
				}
			},
			user: {
				update: {
					// The library turns two-factor on in exactly one place (the first code after setup): one audit row per change.
					after: async (user, ctx) => {
						if (ctx?.path === '/two-factor/verify-totp' && user.twoFactorEnabled)
							await recordAudit(
								db,
								{ id: user.id, email: user.email },
								'account.two-factor-on',
								user.email,
								{ twoFactorEnabled: false },
								{ twoFactorEnabled: true }
							);
					}
				}
			}
		},
		plugins: [
			// Failed codes slow the account down in desk/sign-in-limit.ts instead of the library's 15-minute lock.
			twoFactor({ issuer: 'FitNavigator', accountLockout: { enabled: false } }),
			deskTwoFactorRules(db),
			svelteKitCookies()
		]
	});
}

export type DeskAuth = ReturnType<typeof createAuth>;
const instances = new WeakMap<Db, Promise<DeskAuth>>();

/** One auth instance per database (tests open several). */
export function authFor(db: Db): Promise<DeskAuth> {
	let auth = instances.get(db);
	if (!auth) {
		auth = authSecret(db).then((secret) => createAuth(db, secret));
		instances.set(db, auth);
	}
	return auth;
}

/**
 * A signed-in account as the desk's guard sees it. `twoFactorEnabled` is the account's
 * setting; `sessionTwoFactor` is whether *this* session was opened with a second factor —
 * the one to check where a role needs it, so a password-only session opened before
 * two-factor was set up elsewhere never gains access.
 */
export type DeskUser = Pick<DeskUserRow, 'id' | 'email' | 'name' | 'role' | 'specialty' | 'twoFactorEnabled'> & {
	sessionTwoFactor: boolean;
};

/** The enabled account signed in with `headers`' cookie, if any; a session past its absolute lifetime is ended here. */
export async function deskSessionUser(db: Db, headers: Headers, now = new Date()): Promise<DeskUser | undefined> {
	const auth = await authFor(db);
	const found = await auth.api.getSession({ headers, query: { disableCookieCache: true } });
	if (!found) return undefined;
	if (now.getTime() - new Date(found.session.createdAt).getTime() >= SESSION_ABSOLUTE_SECONDS * 1000) {
		await db.delete(deskSession).where(eq(deskSession.id, found.session.id));
		return undefined;
	}
	const user = found.user;
	if (user.disabled || !isRole(user.role)) return undefined;
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		role: user.role,
		specialty: user.specialty ?? '',
		twoFactorEnabled: Boolean(user.twoFactorEnabled),
		sessionTwoFactor: found.session.secondFactor === true
	};
}
