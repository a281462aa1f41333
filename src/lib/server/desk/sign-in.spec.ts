import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { APIError } from 'better-auth/api';
import { URI, type TOTP } from 'otpauth';
import { authFor, deskSessionUser, SESSION_ABSOLUTE_SECONDS } from '../auth';
import type { Database } from '../db';
import { deskAudit, deskSession } from '../db/desk-schema';
import { testBackends } from '../db/testing';
import { cookieOf } from './testing';
import { valueOf } from '../../core/desk/outcome';
import { createAccount } from './accounts';
import { signInWithCode, signInWithPassword } from './sign-in';
import { claimStep, stepAt } from './totp-step';

const cli = { id: null, email: 'cli' };
const PASSWORD = 'correct horse battery';

describe.each(testBackends())('two-factor sign-in on $name', (backend) => {
	let database: Database;
	let totp: TOTP;
	let recoveryCodes: string[];
	let userId: string;
	let passwordOnly: string; // a session opened before two-factor was set up
	let setupAt: number; // when the setup's code was made: its step is spent
	beforeAll(async () => {
		database = await backend.open();
		({ id: userId } = valueOf(
			await createAccount(database.db, { email: 'ada@example.org', name: 'Ada', role: 'admin', specialty: '' }, PASSWORD, cli)
		));
	});
	afterAll(() => database?.close());

	const auth = () => authFor(database.db);
	const signInEmail = async () =>
		(await auth()).api.signInEmail({ body: { email: 'ada@example.org', password: PASSWORD }, headers: new Headers(), asResponse: true });
	/** A fresh code step: the two-factor cookie after a right password. */
	const challenge = async () => new Headers({ cookie: cookieOf(await signInEmail()) });
	/** The library's answer to a code; a refusal our hook throws before the library runs counts as its status too. */
	const verify = async (headers: Headers, code: string): Promise<Response> =>
		(await auth()).api.verifyTOTP({ body: { code }, headers, asResponse: true }).catch((e: unknown) => {
			if (e instanceof APIError) return new Response(null, { status: e.statusCode });
			throw e;
		});

	it('[S-22.1] a password-only session opened before two-factor is set up elsewhere is never promoted', async () => {
		passwordOnly = cookieOf(await signInEmail());
		const setup = cookieOf(await signInEmail());
		const enabled = await (
			await auth()
		).api.enableTwoFactor({ body: { password: PASSWORD, method: 'totp' }, headers: new Headers({ cookie: setup }) });
		if (enabled.method !== 'totp') throw new Error('TOTP was asked for');
		totp = URI.parse(enabled.totpURI) as TOTP;
		recoveryCodes = enabled.backupCodes;
		setupAt = Date.now();
		const confirmed = await verify(new Headers({ cookie: setup }), totp.generate({ timestamp: setupAt }));
		expect(confirmed.status).toBe(200);
		const before = await deskSessionUser(database.db, new Headers({ cookie: passwordOnly }));
		expect(before).toMatchObject({ twoFactorEnabled: true, sessionTwoFactor: false });
		const withCode = await deskSessionUser(database.db, new Headers({ cookie: cookieOf(confirmed) }));
		expect(withCode).toMatchObject({ twoFactorEnabled: true, sessionTwoFactor: true });
	});

	it('[S-25.1] turning two-factor on leaves exactly one audit row', async () => {
		const rows = await database.db.select().from(deskAudit).where(eq(deskAudit.action, 'account.two-factor-on'));
		expect(rows).toMatchObject([{ target: 'ada@example.org', after: { twoFactorEnabled: true } }]);
	});

	it('[S-20.1] a TOTP code is accepted once; its step and earlier ones are refused after', async () => {
		// The code the setup used is spent already: the same step is refused at sign-in. Its step,
		// not the current one: a step can begin between the setup and here on a loaded machine.
		const spent = totp.generate({ timestamp: setupAt });
		expect((await verify(await challenge(), spent)).status).toBe(401);
		const next = totp.generate({ timestamp: setupAt + 30_000 });
		const first = await verify(await challenge(), next);
		expect(first.status).toBe(200);
		const session = await deskSessionUser(database.db, new Headers({ cookie: cookieOf(first) }));
		expect(session?.sessionTwoFactor).toBe(true);
		expect((await verify(await challenge(), next)).status).toBe(401);
		expect((await verify(await challenge(), spent)).status).toBe(401);
	});

	it('[S-20.2] of many requests claiming the same step at once, exactly one wins', async () => {
		const step = stepAt(Date.now()) + 1_000;
		const claims = await Promise.all(Array.from({ length: 8 }, () => claimStep(database.db, userId, step)));
		expect(claims.filter(Boolean)).toHaveLength(1);
		expect(await claimStep(database.db, userId, step - 1)).toBe(false);
		expect(await claimStep(database.db, userId, step + 1)).toBe(true);
	});

	it('[S-20.3] a code more than one step away is refused', async () => {
		for (const offset of [-90_000, 90_000])
			expect((await verify(await challenge(), totp.generate({ timestamp: Date.now() + offset }))).status).toBe(401);
	});

	it("[S-21.1] each of the ten recovery codes signs in once, through the desk's code step", async () => {
		expect(recoveryCodes).toHaveLength(10);
		for (const code of recoveryCodes.slice(0, 2)) {
			const headers = await challenge();
			expect(await signInWithCode(database.db, code, 'client-r', headers)).toEqual({ kind: 'signed-in' });
			expect(await signInWithCode(database.db, code, 'client-r', await challenge())).toEqual({ kind: 'failed' });
		}
		const methods = await database.db
			.select({ after: deskAudit.after })
			.from(deskAudit)
			.where(and(eq(deskAudit.action, 'sign-in'), eq(deskAudit.target, 'ada@example.org')));
		expect(methods.filter((m) => (m.after as { method: string }).method === 'recovery-code')).toHaveLength(2);
	});

	it('[S-24.1] a session ends at its absolute lifetime however recently it was used', async () => {
		const outcome = await signInWithPassword(database.db, { email: 'ada@example.org', password: PASSWORD }, 'client-s', new Headers());
		expect(outcome).toEqual({ kind: 'code' });
		const [latest] = await database.db.select().from(deskSession).where(eq(deskSession.userId, userId)).limit(1);
		const cookie = new Headers({ cookie: passwordOnly });
		const later = new Date(new Date(latest.createdAt).getTime() + SESSION_ABSOLUTE_SECONDS * 1000);
		expect(await deskSessionUser(database.db, cookie, new Date(later.getTime() - 60_000))).toBeDefined();
		expect(await deskSessionUser(database.db, cookie, new Date(Date.now() + SESSION_ABSOLUTE_SECONDS * 1000))).toBeUndefined();
		expect(await deskSessionUser(database.db, cookie)).toBeUndefined();
	});
});
