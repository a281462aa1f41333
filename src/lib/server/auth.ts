// Team accounts through better-auth: email and password (the library's hashing),
// sessions in our database, TOTP two-factor. There is no HTTP handler and so no public
// sign-up: the desk's own form actions call `auth.api.*`, and the library's cookies are
// passed to SvelteKit's, Secure only when the request came over HTTPS.
import { randomBytes } from 'node:crypto';
import { getRequestEvent } from '$app/server';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { parseSetCookieHeader } from 'better-auth/cookies';
import { twoFactor } from 'better-auth/plugins';
import { createAuthMiddleware } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import { env } from '$env/dynamic/private';
import type { Role } from '../core/desk/roles';
import type { Db } from './db';
import { deskAccount, deskSecret, deskSession, deskTwoFactor, deskUser, deskVerification } from './db/desk-schema';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
const SESSION_SECONDS = 12 * 60 * 60;
export const COOKIE_PREFIX = 'fn-desk';

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
		emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: PASSWORD_MIN, maxPasswordLength: PASSWORD_MAX },
		user: {
			additionalFields: {
				role: { type: 'string', required: true, input: false },
				specialty: { type: 'string', required: false, defaultValue: '', input: false },
				disabled: { type: 'boolean', required: false, defaultValue: false, input: false }
			}
		},
		session: { expiresIn: SESSION_SECONDS, updateAge: 60 * 60 },
		advanced: { cookiePrefix: COOKIE_PREFIX, useSecureCookies: false },
		databaseHooks: {
			session: {
				create: {
					// A disabled account gets no new session, whatever path asks for one.
					before: async (session) => {
						const [user] = await db.select({ disabled: deskUser.disabled }).from(deskUser).where(eq(deskUser.id, session.userId));
						return user && !user.disabled ? undefined : false;
					}
				}
			}
		},
		plugins: [twoFactor({ issuer: 'FitNavigator' }), svelteKitCookies()]
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

export type DeskUser = { id: string; email: string; name: string; role: Role; specialty: string; twoFactorEnabled: boolean };
