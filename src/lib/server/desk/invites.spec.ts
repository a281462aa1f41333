import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { deskAudit, deskInvite, deskUser } from '../db/desk-schema';
import { testBackends } from '../db/testing';
import { valueOf, type Outcome } from '../../core/desk/outcome';
import {
	acceptInvite,
	changeRole,
	createAccount,
	createInvite,
	findInvite,
	listPendingInvites,
	setDisabled,
	withdrawInvite
} from './accounts';

const cli = { id: null, email: 'cli' };
const PASSWORD = 'correct horse battery';
const invitee = (email: string) => ({ email, name: 'Dr Vera', role: 'expert' as const, specialty: 'sports physician' });

/** The refusal a call ends with, or "none". */
const refusalOf = async (call: Promise<Outcome<unknown, string>>) => {
	const outcome = await call;
	return outcome.ok ? 'none' : `${outcome.field}:${outcome.code}`;
};

describe.each(testBackends())('invites and admins on $name', (backend) => {
	let database: Database;
	let ada: { id: string; email: string };
	beforeAll(async () => {
		database = await backend.open();
		ada = {
			...valueOf(await createAccount(database.db, { email: 'ada@example.org', name: 'Ada', role: 'admin', specialty: '' }, PASSWORD, cli)),
			email: 'ada@example.org'
		};
	});
	afterAll(() => database?.close());

	const audit = (action: string) => database.db.select().from(deskAudit).where(eq(deskAudit.action, action));

	it('[S-30.1] an address with an account, or with an unused invite, is refused at once and nothing is written', async () => {
		const invites = async () => (await database.db.select().from(deskInvite)).length;
		expect(await refusalOf(createInvite(database.db, invitee('Ada@Example.org'), ada))).toBe('email:exists');
		valueOf(await createInvite(database.db, invitee('vera@example.org'), ada));
		const before = await invites();
		expect(await refusalOf(createInvite(database.db, invitee(' VERA@example.org '), ada))).toBe('email:pending');
		expect(await invites()).toBe(before);
		expect(await audit('invite.create')).toHaveLength(1);
	});

	it('[S-30.2] two admins inviting one address at once: one invite, one refusal', async () => {
		const results = await Promise.all([0, 1, 2].map(() => refusalOf(createInvite(database.db, invitee('twice@example.org'), ada))));
		expect(results.sort()).toEqual(['email:pending', 'email:pending', 'none']);
	});

	it('[S-31.1] pending invites are listed and can be withdrawn; the link then fails and a new invite may be sent', async () => {
		const { token } = valueOf(await createInvite(database.db, invitee('iris@example.org'), ada));
		const listed = (await listPendingInvites(database.db)).find((i) => i.email === 'iris@example.org');
		expect(listed).toMatchObject({ role: 'expert', name: 'Dr Vera' });
		expect(await withdrawInvite(database.db, listed!.id, ada)).toEqual({ ok: true, value: { email: 'iris@example.org' } });
		expect(await findInvite(database.db, token)).toBeUndefined();
		expect(await refusalOf(acceptInvite(database.db, token, PASSWORD))).toBe('invite:gone');
		expect(await refusalOf(withdrawInvite(database.db, listed!.id, ada))).toBe('invite:gone');
		expect(await audit('invite.withdraw')).toMatchObject([{ target: 'iris@example.org', actorEmail: 'ada@example.org' }]);
		expect(await refusalOf(createInvite(database.db, invitee('iris@example.org'), ada))).toBe('none');
	});

	it('[S-32.1] a refused password leaves the invite usable; accepting is on the record', async () => {
		const { token } = valueOf(await createInvite(database.db, invitee('olga@example.org'), ada));
		expect(await refusalOf(acceptInvite(database.db, token, 'password1234'))).toBe('password:common');
		expect(await refusalOf(acceptInvite(database.db, token, 'short'))).toBe('password:too-short');
		expect(await findInvite(database.db, token)).toBeDefined();
		expect(await acceptInvite(database.db, token, PASSWORD)).toEqual({ ok: true, value: { email: 'olga@example.org' } });
		expect(await audit('invite.accept')).toMatchObject([{ target: 'olga@example.org', after: { role: 'expert' } }]);
	});

	it('[S-33.1] the last active admin can neither demote nor disable themself; with a second admin they can', async () => {
		expect(await refusalOf(changeRole(database.db, ada.id, 'editor', ada))).toBe('role:last-admin');
		expect(await refusalOf(setDisabled(database.db, ada.id, true, ada))).toBe('id:self');
		const [row] = await database.db.select().from(deskUser).where(eq(deskUser.id, ada.id));
		expect(row).toMatchObject({ role: 'admin', disabled: false });
		const { id: bob } = valueOf(
			await createAccount(database.db, { email: 'bob@example.org', name: 'Bob', role: 'admin', specialty: '' }, PASSWORD, cli)
		);
		valueOf(await changeRole(database.db, ada.id, 'editor', ada));
		expect(await refusalOf(setDisabled(database.db, bob, true, cli))).toBe('disabled:last-admin');
		valueOf(await changeRole(database.db, ada.id, 'admin', { id: bob, email: 'bob@example.org' }));
	});

	it('[S-33.2] two admins demoting each other at once leave one admin', async () => {
		const [ada2, bob] = await database.db
			.select()
			.from(deskUser)
			.where(inArray(deskUser.email, ['ada@example.org', 'bob@example.org']));
		const results = await Promise.all([
			refusalOf(changeRole(database.db, ada2.id, 'editor', { id: bob.id, email: bob.email })),
			refusalOf(changeRole(database.db, bob.id, 'editor', { id: ada2.id, email: ada2.email }))
		]);
		expect(results.sort()).toEqual(['none', 'role:last-admin']);
		const admins = await database.db.select().from(deskUser).where(eq(deskUser.role, 'admin'));
		expect(admins).toHaveLength(1);
	});
});
