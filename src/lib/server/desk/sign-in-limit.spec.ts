import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CLIENT_FAILURES, FREE_FAILURES, MAX_ACCOUNT_WAIT_SECONDS } from '../../core/desk/sign-in-delay';
import { authFor } from '../auth';
import type { Database } from '../db';
import { deskAudit } from '../db/desk-schema';
import { testBackends } from '../db/testing';
import { cookieOf, startTotp } from './testing';
import { valueOf } from '../../core/desk/outcome';
import { createAccount } from './accounts';
import { signInWithCode, signInWithPassword } from './sign-in';
import { recordSignInFailure, signInWait } from './sign-in-limit';

const cli = { id: null, email: 'cli' };
const PASSWORD = 'correct horse battery';

describe.each(testBackends())('sign-in limits on $name', (backend) => {
	let database: Database;
	beforeAll(async () => {
		database = await backend.open();
		for (const email of ['owner@example.org', 'coded@example.org', 'tablet@example.org'])
			valueOf(await createAccount(database.db, { email, name: 'Owner', role: 'editor', specialty: '' }, PASSWORD, cli));
	});
	afterAll(() => database?.close());

	const password = (email: string, pw: string, client: string) =>
		signInWithPassword(database.db, { email, password: pw }, client, new Headers());

	it('[S-23.4] successful sign-ins never count towards a limit', async () => {
		for (let i = 0; i < FREE_FAILURES + 3; i++)
			expect(await password('owner@example.org', PASSWORD, 'office')).toEqual({ kind: 'signed-in' });
		expect(await signInWait(database.db, { account: 'owner@example.org', client: 'office' })).toBeUndefined();
	});

	it('[S-23.5] failures past the free ones slow the account with a wait the message can name, over once it has passed', async () => {
		for (let i = 0; i < FREE_FAILURES; i++)
			expect(await password('Owner@example.org', 'wrong guess number', `bot-${i}`)).toEqual({ kind: 'failed' });
		expect(await password('owner@example.org', 'wrong guess again', 'bot-x')).toEqual({ kind: 'failed' });
		const first = await password('owner@example.org', PASSWORD, 'office');
		expect(first).toMatchObject({ kind: 'limited', wait: { scope: 'account' } });
		const seconds = first.kind === 'limited' ? first.wait.seconds : 0;
		expect(seconds).toBeGreaterThan(0);
		expect(seconds).toBeLessThanOrEqual(MAX_ACCOUNT_WAIT_SECONDS);
		// The owner tries again once the wait has passed: signed in, and the count starts over.
		const later = new Date(Date.now() + seconds * 1000);
		expect(await signInWait(database.db, { account: 'owner@example.org', client: 'office' }, later)).toBeUndefined();
	});

	it('[S-23.6] a stranger failing again and again keeps the owner waiting at most a minute, from any address', async () => {
		const now = new Date();
		for (let i = 0; i < 40; i++) await recordSignInFailure(database.db, { account: 'owner@example.org', client: `botnet-${i}` }, now);
		const wait = await signInWait(database.db, { account: 'owner@example.org', client: 'home' }, now);
		expect(wait).toEqual({ scope: 'account', seconds: MAX_ACCOUNT_WAIT_SECONDS });
		const minuteLater = new Date(now.getTime() + MAX_ACCOUNT_WAIT_SECONDS * 1000);
		expect(await signInWait(database.db, { account: 'owner@example.org', client: 'home' }, minuteLater)).toBeUndefined();
	});

	it("[S-23.9] a successful sign-in starts the account's count over", async () => {
		for (let i = 0; i < FREE_FAILURES; i++) await password('tablet@example.org', 'not the password at all', 'tablet');
		expect(await password('tablet@example.org', PASSWORD, 'tablet')).toEqual({ kind: 'signed-in' });
		await password('tablet@example.org', 'not the password at all', 'tablet');
		expect(await signInWait(database.db, { account: 'tablet@example.org', client: 'tablet' })).toBeUndefined();
	});

	it('[S-23.7] one client that keeps failing is stopped for the rest of its window; other clients are not', async () => {
		const now = new Date();
		for (let i = 0; i < CLIENT_FAILURES; i++)
			await recordSignInFailure(database.db, { account: `guess-${i}@example.org`, client: 'scanner' }, now);
		expect(await signInWait(database.db, { account: 'coded@example.org', client: 'scanner' }, now)).toMatchObject({ scope: 'client' });
		expect(await signInWait(database.db, { account: 'coded@example.org', client: 'laptop' }, now)).toBeUndefined();
	});

	it('[S-23.8] wrong codes at the code step count against the account as wrong passwords do', async () => {
		const auth = await authFor(database.db);
		const session = cookieOf(
			await auth.api.signInEmail({ body: { email: 'coded@example.org', password: PASSWORD }, headers: new Headers(), asResponse: true })
		);
		const totp = await startTotp(auth, session, PASSWORD);
		await auth.api.verifyTOTP({ body: { code: totp.generate() }, headers: new Headers({ cookie: session }) });
		const challenge = async () =>
			new Headers({
				cookie: cookieOf(
					await auth.api.signInEmail({ body: { email: 'coded@example.org', password: PASSWORD }, headers: new Headers(), asResponse: true })
				)
			});
		for (let i = 0; i <= FREE_FAILURES; i++)
			expect(await signInWithCode(database.db, '000000', 'laptop', await challenge())).toEqual({ kind: 'failed' });
		expect(await signInWithCode(database.db, '000000', 'laptop', await challenge())).toMatchObject({
			kind: 'limited',
			wait: { scope: 'account' }
		});
		expect(await password('coded@example.org', PASSWORD, 'laptop')).toMatchObject({ kind: 'limited', wait: { scope: 'account' } });
	});

	it('[S-25.2] failures, limits and sign-ins are on the record, with the client as a hash only', async () => {
		const rows = await database.db.select().from(deskAudit).where(eq(deskAudit.target, 'owner@example.org'));
		const actions = new Set(rows.map((r) => r.action));
		expect(actions).toEqual(new Set(['account.create', 'sign-in', 'sign-in.failed', 'sign-in.limited']));
		expect(JSON.stringify(rows)).not.toMatch(/bot-|office/);
		expect(rows.find((r) => r.action === 'sign-in.limited')).toMatchObject({ after: { scope: 'account', step: 'password' } });
	});
});
