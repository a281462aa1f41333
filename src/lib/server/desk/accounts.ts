// Team accounts: created from an invite (or the first admin from the command line),
// role changes, disabling (sessions end at once) and resetting two-factor. Every
// change leaves an audit row. An address gets one unused invite at a time and none once
// it has an account; the last active admin stays an active admin. A refused change is an
// outcome with a code (src/lib/core/desk/outcome.ts), never an exception.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { passwordProblem, type PasswordProblem } from '../../../../policy/password.js';
import { normalEmail } from '../../core/desk/email';
import type { inviteForm } from '../../core/desk/forms';
import { done, refuse, type Outcome } from '../../core/desk/outcome';
import type { Role } from '../../core/desk/roles';
import { authFor } from '../auth';
import type { Db } from '../db';
import { deskInvite, deskSession, deskTwoFactor, deskUser } from '../db/desk-schema';
import { recordAudit, type Actor } from './audit';

const INVITE_DAYS = 7;

/** An account as the invite form describes it. */
export type NewAccount = z.output<typeof inviteForm>;

/** Why a change was refused, for a message naming the field. */
export type AccountRefusal = 'exists' | 'pending' | 'gone' | 'missing' | 'self' | 'last-admin' | PasswordProblem;
type AccountOutcome<T> = Outcome<T, AccountRefusal>;

/** Thrown inside a transaction to roll it back; the service answers it as a refusal. */
class Refused extends Error {
	constructor(
		readonly field: string,
		readonly code: AccountRefusal
	) {
		super(`${field}: ${code}`);
	}
}

/** Runs a change whose refusals, found mid-transaction, roll it back and come out as outcomes. */
async function refusable<T>(change: () => Promise<T>): Promise<AccountOutcome<T>> {
	try {
		return done(await change());
	} catch (e) {
		if (e instanceof Refused) return refuse(e.field, e.code);
		throw e;
	}
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates an account with a password through the auth library (its hashing, its tables). */
export async function createAccount(db: Db, account: NewAccount, password: string, actor: Actor): Promise<AccountOutcome<{ id: string }>> {
	const ctx = await (await authFor(db)).$context;
	const email = normalEmail(account.email);
	const problem = await passwordProblem(password, { userInputs: [email, account.name] });
	if (problem) return refuse('password', problem);
	if (await ctx.internalAdapter.findUserByEmail(email)) return refuse('email', 'exists');
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
	return done({ id: user.id });
}

/**
 * A one-time link's secret part; only its hash is stored, so the table alone lets nobody in.
 * Refused at once for an address with an account or an unused invite (the unique index on
 * unused invites decides between two admins inviting the same address at once).
 */
export async function createInvite(db: Db, account: NewAccount, actor: Actor): Promise<AccountOutcome<{ token: string; expiresAt: Date }>> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(Date.now() + INVITE_DAYS * 24 * 60 * 60 * 1000);
	const email = normalEmail(account.email);
	return db.transaction(async (tx) => {
		if ((await tx.select({ id: deskUser.id }).from(deskUser).where(eq(deskUser.email, email))).length) return refuse('email', 'exists');
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
		if (!created.length) return refuse('email', 'pending');
		await recordAudit(tx, actor, 'invite.create', email, null, {
			role: account.role,
			name: account.name,
			specialty: account.specialty,
			expiresAt
		});
		return done({ token, expiresAt });
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
export async function withdrawInvite(db: Db, id: string, actor: Actor): Promise<AccountOutcome<{ email: string }>> {
	return db.transaction(async (tx) => {
		const [gone] = await tx
			.delete(deskInvite)
			.where(and(eq(deskInvite.id, id), isNull(deskInvite.usedAt)))
			.returning();
		if (!gone) return refuse('invite', 'gone');
		await recordAudit(tx, actor, 'invite.withdraw', gone.email, { role: gone.role, name: gone.name, expiresAt: gone.expiresAt }, null);
		return done({ email: gone.email });
	});
}

/**
 * Uses the invite (once: the update claims it) and creates the account with the invitee's
 * password. A password the policy refuses, or an address that has meanwhile got an
 * account, is refused before the link is used, so the invitee can try again. A link that
 * is used, withdrawn, expired or wrong is refused as "gone".
 */
export async function acceptInvite(db: Db, token: string, password: string): Promise<AccountOutcome<{ email: string }>> {
	const invite = await findInvite(db, token);
	if (!invite) return refuse('invite', 'gone');
	const problem = await passwordProblem(password, { userInputs: [invite.email, invite.name] });
	if (problem) return refuse('password', problem);
	if ((await db.select({ id: deskUser.id }).from(deskUser).where(eq(deskUser.email, invite.email))).length)
		return refuse('email', 'exists');
	const [claimed] = await db
		.update(deskInvite)
		.set({ usedAt: new Date() })
		.where(and(eq(deskInvite.id, invite.id), pending(new Date())))
		.returning();
	if (!claimed) return refuse('invite', 'gone');
	const invitee = { id: null, email: claimed.email };
	const giveBack = () => db.update(deskInvite).set({ usedAt: null }).where(eq(deskInvite.id, claimed.id));
	let created;
	try {
		created = await createAccount(
			db,
			{ email: claimed.email, name: claimed.name, role: claimed.role, specialty: claimed.specialty },
			password,
			invitee
		);
	} catch (e) {
		// The link was not really used: give it back.
		await giveBack();
		throw e;
	}
	if (!created.ok) {
		await giveBack();
		return created;
	}
	await recordAudit(db, invitee, 'invite.accept', claimed.email, null, { role: claimed.role });
	return done({ email: claimed.email });
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
	if (!row) throw new Refused('id', 'missing');
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
	if (admins.length === 1 && admins[0].id === id) throw new Refused(field, 'last-admin');
}

type AccountRow = Awaited<ReturnType<typeof accountRow>>;

/** A change that may take the desk's last active admin away: the admins are locked first, then the account (see lockActiveAdmins). */
function changeWithAdmins(
	db: Db,
	id: string,
	change: (tx: Db, before: AccountRow, admins: { id: string }[]) => Promise<void>
): Promise<AccountOutcome<void>> {
	return refusable(() =>
		db.transaction(async (tx) => {
			const admins = await lockActiveAdmins(tx);
			await change(tx, await accountRow(tx, id), admins);
		})
	);
}

export async function changeRole(db: Db, id: string, role: Role, actor: Actor): Promise<AccountOutcome<void>> {
	return changeWithAdmins(db, id, async (tx, before, admins) => {
		if (before.role === 'admin' && role !== 'admin') keepAnActiveAdmin(admins, id, 'role');
		await tx.update(deskUser).set({ role, updatedAt: new Date() }).where(eq(deskUser.id, id));
		// A new role may need a second factor the old one did not: sign in again.
		await tx.delete(deskSession).where(eq(deskSession.userId, id));
		await recordAudit(tx, actor, 'account.role', before.email, { role: before.role }, { role });
	});
}

/** Disabling ends every session of the account at once; enabling lets it sign in again. */
export async function setDisabled(db: Db, id: string, disabled: boolean, actor: Actor): Promise<AccountOutcome<void>> {
	return changeWithAdmins(db, id, async (tx, before, admins) => {
		if (disabled && id === actor.id) throw new Refused('id', 'self');
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
export async function resetTwoFactor(db: Db, id: string, actor: Actor): Promise<AccountOutcome<void>> {
	return refusable(() =>
		db.transaction(async (tx) => {
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
		})
	);
}
