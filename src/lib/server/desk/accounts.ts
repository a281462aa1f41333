// Team accounts: created from an invite (or the first admin from the command line),
// role changes, disabling (sessions end at once) and resetting two-factor. Every
// change leaves an audit row. An address gets one unused invite at a time and none once
// it has an account; the last active admin stays an active admin.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import { passwordProblem, type PasswordProblem } from '../../../../policy/password.js';
import { normalEmail } from '../../core/desk/email';
import type { Role } from '../../core/desk/roles';
import { authFor } from '../auth';
import type { Db } from '../db';
import { deskInvite, deskSession, deskTwoFactor, deskUser } from '../db/desk-schema';
import { recordAudit, type Actor } from './audit';

const INVITE_DAYS = 7;

export type NewAccount = { email: string; name: string; role: Role; specialty: string };

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates an account with a password through the auth library (its hashing, its tables). */
export async function createAccount(db: Db, account: NewAccount, password: string, actor: Actor): Promise<{ id: string }> {
	const ctx = await (await authFor(db)).$context;
	const email = normalEmail(account.email);
	const problem = await passwordProblem(password, { userInputs: [email, account.name] });
	if (problem) throw new AccountError('password', problem);
	if (await ctx.internalAdapter.findUserByEmail(email)) throw new AccountError('email', 'exists');
	const user = await ctx.internalAdapter.createUser(
		{
			email,
			name: account.name,
			emailVerified: true,
			role: account.role,
			specialty: account.specialty,
			disabled: false
		},
		{ method: 'admin' }
	);
	await ctx.internalAdapter.linkAccount({
		userId: user.id,
		providerId: 'credential',
		accountId: user.id,
		password: await ctx.password.hash(password)
	});
	await recordAudit(db, actor, 'account.create', email, null, { role: account.role, name: account.name, specialty: account.specialty });
	return { id: user.id };
}

/** Why a change was refused, for a message naming the field. */
export type AccountRefusal = 'exists' | 'pending' | 'gone' | 'missing' | 'self' | 'last-admin' | PasswordProblem;

export class AccountError extends Error {
	constructor(
		readonly field: string,
		readonly code: AccountRefusal
	) {
		super(`${field}: ${code}`);
	}
}

/**
 * A one-time link's secret part; only its hash is stored, so the table alone lets nobody in.
 * Refused at once for an address with an account or an unused invite (the unique index on
 * unused invites decides between two admins inviting the same address at once).
 */
export async function createInvite(db: Db, account: NewAccount, actor: Actor): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(Date.now() + INVITE_DAYS * 24 * 60 * 60 * 1000);
	const email = normalEmail(account.email);
	return db.transaction(async (tx) => {
		if ((await tx.select({ id: deskUser.id }).from(deskUser).where(eq(deskUser.email, email))).length)
			throw new AccountError('email', 'exists');
		// An expired link is no longer pending: it makes way for a new one.
		await tx.delete(deskInvite).where(and(eq(deskInvite.email, email), isNull(deskInvite.usedAt), lte(deskInvite.expiresAt, new Date())));
		const created = await tx
			.insert(deskInvite)
			.values({
				tokenHash: tokenHash(token),
				email,
				name: account.name,
				role: account.role,
				specialty: account.specialty,
				invitedBy: actor.id,
				expiresAt
			})
			.onConflictDoNothing()
			.returning({ id: deskInvite.id });
		if (!created.length) throw new AccountError('email', 'pending');
		await recordAudit(tx, actor, 'invite.create', email, null, {
			role: account.role,
			name: account.name,
			specialty: account.specialty,
			expiresAt
		});
		return { token, expiresAt };
	});
}

const pending = (now: Date) => and(isNull(deskInvite.usedAt), gt(deskInvite.expiresAt, now));

/** The invite a link names, while it is unused and unexpired. */
export async function findInvite(db: Db, token: string) {
	const [invite] = await db
		.select()
		.from(deskInvite)
		.where(and(eq(deskInvite.tokenHash, tokenHash(token)), pending(new Date())));
	return invite;
}

/** Unused, unexpired invites, oldest first: what an admin may still withdraw. */
export async function listPendingInvites(db: Db) {
	return db
		.select({ id: deskInvite.id, email: deskInvite.email, name: deskInvite.name, role: deskInvite.role, expiresAt: deskInvite.expiresAt })
		.from(deskInvite)
		.where(pending(new Date()))
		.orderBy(asc(deskInvite.createdAt));
}

/** Withdraws an unused invite: its link stops working at once. */
export async function withdrawInvite(db: Db, id: string, actor: Actor): Promise<{ email: string }> {
	return db.transaction(async (tx) => {
		const [gone] = await tx
			.delete(deskInvite)
			.where(and(eq(deskInvite.id, id), isNull(deskInvite.usedAt)))
			.returning();
		if (!gone) throw new AccountError('invite', 'gone');
		await recordAudit(tx, actor, 'invite.withdraw', gone.email, { role: gone.role, name: gone.name, expiresAt: gone.expiresAt }, null);
		return { email: gone.email };
	});
}

/**
 * Uses the invite (once: the update claims it) and creates the account with the invitee's
 * password. A password the policy refuses, or an address that has meanwhile got an
 * account, is refused before the link is used, so the invitee can try again.
 */
export async function acceptInvite(db: Db, token: string, password: string): Promise<{ email: string } | undefined> {
	const invite = await findInvite(db, token);
	if (!invite) return undefined;
	const problem = await passwordProblem(password, { userInputs: [invite.email, invite.name] });
	if (problem) throw new AccountError('password', problem);
	if ((await db.select({ id: deskUser.id }).from(deskUser).where(eq(deskUser.email, invite.email))).length)
		throw new AccountError('email', 'exists');
	const [claimed] = await db
		.update(deskInvite)
		.set({ usedAt: new Date() })
		.where(and(eq(deskInvite.id, invite.id), pending(new Date())))
		.returning();
	if (!claimed) return undefined;
	const invitee = { id: null, email: claimed.email };
	try {
		await createAccount(
			db,
			{ email: claimed.email, name: claimed.name, role: claimed.role as Role, specialty: claimed.specialty },
			password,
			invitee
		);
	} catch (e) {
		// The link was not really used: give it back.
		await db.update(deskInvite).set({ usedAt: null }).where(eq(deskInvite.id, claimed.id));
		throw e;
	}
	await recordAudit(db, invitee, 'invite.accept', claimed.email, null, { role: claimed.role });
	return { email: claimed.email };
}

export async function listAccounts(db: Db) {
	return db
		.select({
			id: deskUser.id,
			email: deskUser.email,
			name: deskUser.name,
			role: deskUser.role,
			specialty: deskUser.specialty,
			disabled: deskUser.disabled,
			twoFactorEnabled: deskUser.twoFactorEnabled
		})
		.from(deskUser)
		.orderBy(asc(deskUser.email));
}

/** The account as it is before a change, locked until the change commits so its audit row's "before" stays true. */
async function accountRow(db: Db, id: string) {
	const [row] = await db.select().from(deskUser).where(eq(deskUser.id, id)).for('update');
	if (!row) throw new AccountError('id', 'missing');
	return row;
}

/**
 * The active admins, locked for the rest of the transaction, in one order (by id) so two
 * changes never wait on each other's locks. Taken before the account's own row: two admins
 * demoting each other at once then queue here instead of each holding one row (a deadlock).
 */
const lockActiveAdmins = (tx: Db) =>
	tx
		.select({ id: deskUser.id })
		.from(deskUser)
		.where(and(eq(deskUser.role, 'admin'), eq(deskUser.disabled, false)))
		.orderBy(asc(deskUser.id))
		.for('update');

/** Refuses to leave the desk without an active admin. */
function keepAnActiveAdmin(admins: { id: string }[], id: string, field: string): void {
	if (admins.length === 1 && admins[0].id === id) throw new AccountError(field, 'last-admin');
}

export async function changeRole(db: Db, id: string, role: Role, actor: Actor): Promise<void> {
	await db.transaction(async (tx) => {
		const admins = await lockActiveAdmins(tx);
		const before = await accountRow(tx, id);
		if (before.role === 'admin' && role !== 'admin') keepAnActiveAdmin(admins, id, 'role');
		await tx.update(deskUser).set({ role, updatedAt: new Date() }).where(eq(deskUser.id, id));
		// A new role may need a second factor the old one did not: sign in again.
		await tx.delete(deskSession).where(eq(deskSession.userId, id));
		await recordAudit(tx, actor, 'account.role', before.email, { role: before.role }, { role });
	});
}

/** Disabling ends every session of the account at once; enabling lets it sign in again. */
export async function setDisabled(db: Db, id: string, disabled: boolean, actor: Actor): Promise<void> {
	await db.transaction(async (tx) => {
		const admins = await lockActiveAdmins(tx);
		const before = await accountRow(tx, id);
		if (disabled && id === actor.id) throw new AccountError('id', 'self');
		if (disabled && before.role === 'admin') keepAnActiveAdmin(admins, id, 'disabled');
		await tx.update(deskUser).set({ disabled, updatedAt: new Date() }).where(eq(deskUser.id, id));
		if (disabled) await tx.delete(deskSession).where(eq(deskSession.userId, id));
		await recordAudit(
			tx,
			actor,
			disabled ? 'account.disable' : 'account.enable',
			before.email,
			{ disabled: before.disabled },
			{ disabled }
		);
	});
}

/** For a lost authenticator: the account enrols again at its next sign-in. */
export async function resetTwoFactor(db: Db, id: string, actor: Actor): Promise<void> {
	await db.transaction(async (tx) => {
		const before = await accountRow(tx, id);
		await tx.delete(deskTwoFactor).where(eq(deskTwoFactor.userId, id));
		await tx.update(deskUser).set({ twoFactorEnabled: false, updatedAt: new Date() }).where(eq(deskUser.id, id));
		await tx.delete(deskSession).where(eq(deskSession.userId, id));
		// One row per change: resetting an account that had no second factor changes nothing.
		if (!before.twoFactorEnabled) return;
		await recordAudit(
			tx,
			actor,
			'account.reset-two-factor',
			before.email,
			{ twoFactorEnabled: before.twoFactorEnabled },
			{ twoFactorEnabled: false }
		);
	});
}
