import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { authFor } from '../auth';
import type { Database } from '../db';
import { deskAudit, deskSession, deskUser } from '../db/desk-schema';
import { testBackends } from '../db/testing';
import { valueOf } from '../../core/desk/outcome';
import { cookieOf, startTotp } from './testing';
import { acceptInvite, changeRole, createAccount, createInvite, findInvite, resetTwoFactor, setDisabled } from './accounts';

const cli = { id: null, email: 'cli' };
const PASSWORD = 'correct horse battery';

describe.each(testBackends())('accounts on $name', (backend) => {
	let database: Database;
	beforeAll(async () => {
		database = await backend.open();
	});
	afterAll(() => database?.close());

	const signIn = async (email: string, password: string) => {
		const auth = await authFor(database.db);
		return auth.api.signInEmail({ body: { email, password }, headers: new Headers(), asResponse: true });
	};

	it('[S-28.2] signs in with the password it was created with, and only with it; an unknown email is answered alike', async () => {
		valueOf(await createAccount(database.db, { email: 'Editor@Example.org', name: 'Ed', role: 'editor', specialty: '' }, PASSWORD, cli));
		expect((await signIn('editor@example.org', PASSWORD)).status).toBe(200);
		const wrong = await signIn('editor@example.org', 'not the password');
		const unknown = await signIn('nobody@example.org', 'not the password');
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(wrong.status);
		expect(await unknown.json()).toEqual(await wrong.json());
	});

	it('[S-29.1] gives a new session token at every sign-in', async () => {
		const a = (await signIn('editor@example.org', PASSWORD)).headers.get('set-cookie');
		const b = (await signIn('editor@example.org', PASSWORD)).headers.get('set-cookie');
		expect(a).toMatch(/fn-desk\.session_token=/);
		expect(a).not.toBe(b);
	});

	it('[S-34.1] ends every session when an account is disabled, and refuses new ones', async () => {
		const [user] = await database.db.select().from(deskUser).where(eq(deskUser.email, 'editor@example.org'));
		await signIn('editor@example.org', PASSWORD);
		await setDisabled(database.db, user.id, true, { id: 'admin', email: 'admin@example.org' });
		expect(await database.db.select().from(deskSession).where(eq(deskSession.userId, user.id))).toEqual([]);
		expect((await signIn('editor@example.org', PASSWORD)).status).not.toBe(200);
		await setDisabled(database.db, user.id, false, { id: 'admin', email: 'admin@example.org' });
		expect((await signIn('editor@example.org', PASSWORD)).status).toBe(200);
	});

	it('[S-36.1] lets an invite be used once', async () => {
		const { token } = valueOf(
			await createInvite(database.db, { email: 'expert@example.org', name: 'Dr Vera', role: 'expert', specialty: 'sports physician' }, cli)
		);
		expect(await findInvite(database.db, token)).toMatchObject({ email: 'expert@example.org', role: 'expert' });
		expect(await acceptInvite(database.db, token, PASSWORD)).toEqual({ ok: true, value: { email: 'expert@example.org' } });
		expect(await acceptInvite(database.db, token, PASSWORD)).toEqual({ ok: false, field: 'invite', code: 'gone' });
		expect(await findInvite(database.db, 'made-up-token')).toBeUndefined();
		expect((await signIn('expert@example.org', PASSWORD)).status).toBe(200);
	});

	it('asks for a TOTP code once two-factor is on, and a reset turns it off', async () => {
		const auth = await authFor(database.db);
		const { id } = valueOf(
			await createAccount(database.db, { email: 'admin@example.org', name: 'Ada', role: 'admin', specialty: '' }, PASSWORD, cli)
		);
		const session = cookieOf(await signIn('admin@example.org', PASSWORD));
		const code = (await startTotp(auth, session, PASSWORD)).generate();
		const verified = await auth.api.verifyTOTP({ body: { code }, headers: new Headers({ cookie: session }), asResponse: true });
		expect(verified.status).toBe(200);
		const challenge = await signIn('admin@example.org', PASSWORD);
		expect(await challenge.json()).toMatchObject({ twoFactorRedirect: true });
		valueOf(await resetTwoFactor(database.db, id, cli));
		expect(await (await signIn('admin@example.org', PASSWORD)).json()).not.toHaveProperty('twoFactorRedirect');
	});

	it('records each change in the audit log, which refuses edits', async () => {
		const [user] = await database.db.select().from(deskUser).where(eq(deskUser.email, 'expert@example.org'));
		valueOf(await changeRole(database.db, user.id, 'clinician', cli));
		const rows = await database.db.select().from(deskAudit).where(eq(deskAudit.action, 'account.role'));
		expect(rows).toMatchObject([{ target: 'expert@example.org', before: { role: 'expert' }, after: { role: 'clinician' } }]);
		await expect(database.db.delete(deskAudit)).rejects.toThrow();
		await expect(database.db.update(deskAudit).set({ action: 'x' })).rejects.toThrow();
	});
});
