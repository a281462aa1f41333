// Team accounts: created from an invite (or the first admin from the command line),
// role changes, disabling (sessions end at once) and resetting two-factor. Every
// change and its audit row are one transaction: no change without its row, and a
// change that fails leaves nothing behind.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Role } from '../../core/desk/roles';
import type { MessageKey } from '../../i18n';
import { authFor } from '../auth';
import type { Db } from '../db';
import { deskInvite, deskSession, deskTwoFactor, deskUser } from '../db/desk-schema';
import { recordAudit, type Actor } from './audit';

const INVITE_DAYS = 7;

export type NewAccount = { email: string; name: string; role: Role; specialty: string };

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const normalEmail = (email: string) => email.trim().toLowerCase();

/** Creates an account with a password through the auth library (its hashing, its tables). */
export async function createAccount(db: Db, account: NewAccount, password: string, actor: Actor): Promise<{ id: string }> {
	const ctx = await (await authFor(db)).$context;
	const email = normalEmail(account.email);
	if (await ctx.internalAdapter.findUserByEmail(email))
		throw new AccountError('email', 'An account with this email already exists', 'editor.problem.accountExists');
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

/** A refused change: the field it is about, a message for logs and what the desk says (a message key). */
export class AccountError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly problem: MessageKey = 'editor.problem.invalid'
	) {
		super(message);
	}
}

/** A one-time link's secret part; only its hash is stored, so the table alone lets nobody in. */
export async function createInvite(db: Db, account: NewAccount, actor: Actor): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(Date.now() + INVITE_DAYS * 24 * 60 * 60 * 1000);
	const email = normalEmail(account.email);
	await db.transaction(async (tx) => {
		await tx.insert(deskInvite).values({
			tokenHash: tokenHash(token),
			email,
			name: account.name,
			role: account.role,
			specialty: account.specialty,
			invitedBy: actor.id,
			expiresAt
		});
		await recordAudit(tx, actor, 'invite.create', email, null, {
			role: account.role,
			name: account.name,
			specialty: account.specialty,
			expiresAt
		});
	});
	return { token, expiresAt };
}

/** The invite a link names, while it is unused and unexpired. */
export async function findInvite(db: Db, token: string) {
	const [invite] = await db
		.select()
		.from(deskInvite)
		.where(and(eq(deskInvite.tokenHash, tokenHash(token)), isNull(deskInvite.usedAt), gt(deskInvite.expiresAt, new Date())));
	return invite;
}

/** Uses the invite (once: the update claims it) and creates the account with the invitee's password. */
export async function acceptInvite(db: Db, token: string, password: string): Promise<{ email: string } | undefined> {
	const [invite] = await db
		.update(deskInvite)
		.set({ usedAt: new Date() })
		.where(and(eq(deskInvite.tokenHash, tokenHash(token)), isNull(deskInvite.usedAt), gt(deskInvite.expiresAt, new Date())))
		.returning();
	if (!invite) return undefined;
	await createAccount(db, { email: invite.email, name: invite.name, role: invite.role as Role, specialty: invite.specialty }, password, {
		id: null,
		email: invite.email
	});
	return { email: invite.email };
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
	if (!row) throw new AccountError('id', 'No such account', 'editor.problem.noAccount');
	return row;
}

export async function changeRole(db: Db, id: string, role: Role, actor: Actor): Promise<void> {
	await db.transaction(async (tx) => {
		const before = await accountRow(tx, id);
		await tx.update(deskUser).set({ role, updatedAt: new Date() }).where(eq(deskUser.id, id));
		// A new role may need a second factor the old one did not: sign in again.
		await tx.delete(deskSession).where(eq(deskSession.userId, id));
		await recordAudit(tx, actor, 'account.role', before.email, { role: before.role }, { role });
	});
}

/** Disabling ends every session of the account at once; enabling lets it sign in again. */
export async function setDisabled(db: Db, id: string, disabled: boolean, actor: Actor): Promise<void> {
	await db.transaction(async (tx) => {
		const before = await accountRow(tx, id);
		if (disabled && id === actor.id) throw new AccountError('id', 'You cannot disable your own account', 'editor.problem.ownAccount');
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
