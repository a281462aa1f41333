// The editorial desk's tables: team accounts (better-auth's user, session, account,
// verification and two-factor tables, with our role and profile on the user), invites,
// sign-offs bound to a content hash, the feedback inbox's status, and the audit log.
// Kept apart from schema.ts so the reader-facing tables stay small and obvious.
import { sql, type SQL } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	type PgColumn
} from 'drizzle-orm/pg-core';
import { FEEDBACK_STATUSES } from '../../core/desk/forms';
import { ROLES, type Role } from '../../core/desk/roles';
import { feedback } from './schema';

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * "column in ('a', 'b')" from the constant the code checks against, so the two cannot drift.
 * Written as SQL text, not parameters, because a constraint's DDL has none; the values are
 * our own identifiers (lower-case words), never input.
 */
const oneOf = (column: PgColumn, values: readonly string[]): SQL => {
	if (!values.every((v) => /^[a-z-]+$/.test(v))) throw new Error(`Not a plain identifier among ${values.join(', ')}`);
	return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
};

// better-auth's models; property names are the library's field names.
export const deskUser = pgTable(
	'desk_user',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		email: text('email').notNull().unique(),
		emailVerified: boolean('email_verified').notNull().default(false),
		image: text('image'),
		createdAt: created(),
		updatedAt: updated(),
		twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
		role: text('role').$type<Role>().notNull(),
		/** Shown on a sign-off: "sports physician", "running coach". */
		specialty: text('specialty').notNull().default(''),
		disabled: boolean('disabled').notNull().default(false)
	},
	(t) => [check('desk_user_role_check', oneOf(t.role, ROLES))]
);

export const deskSession = pgTable(
	'desk_session',
	{
		id: text('id').primaryKey(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		token: text('token').notNull().unique(),
		createdAt: created(),
		updatedAt: updated(),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		userId: text('user_id')
			.notNull()
			.references(() => deskUser.id, { onDelete: 'cascade' }),
		/** How this session was opened: true only after a TOTP or recovery code, never set later. */
		secondFactor: boolean('second_factor').notNull().default(false)
	},
	(t) => [index('desk_session_user_idx').on(t.userId)]
);

export const deskAccount = pgTable(
	'desk_account',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').notNull(),
		providerId: text('provider_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => deskUser.id, { onDelete: 'cascade' }),
		accessToken: text('access_token'),
		refreshToken: text('refresh_token'),
		idToken: text('id_token'),
		accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
		refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
		scope: text('scope'),
		password: text('password'),
		createdAt: created(),
		updatedAt: updated()
	},
	(t) => [index('desk_account_user_idx').on(t.userId)]
);

export const deskVerification = pgTable(
	'desk_verification',
	{
		id: text('id').primaryKey(),
		identifier: text('identifier').notNull(),
		value: text('value').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: created(),
		updatedAt: updated()
	},
	(t) => [index('desk_verification_identifier_idx').on(t.identifier)]
);

export const deskTwoFactor = pgTable(
	'desk_two_factor',
	{
		id: text('id').primaryKey(),
		secret: text('secret').notNull(),
		backupCodes: text('backup_codes').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => deskUser.id, { onDelete: 'cascade' }),
		verified: boolean('verified').notNull().default(true),
		failedVerificationCount: integer('failed_verification_count').notNull().default(0),
		lockedUntil: timestamp('locked_until', { withTimezone: true })
	},
	(t) => [index('desk_two_factor_user_idx').on(t.userId), index('desk_two_factor_secret_idx').on(t.secret)]
);

/** The newest TOTP time step each account has used: a code for it or an earlier step is refused. */
export const deskTotpStep = pgTable('desk_totp_step', {
	userId: text('user_id')
		.primaryKey()
		.references(() => deskUser.id, { onDelete: 'cascade' }),
	step: bigint('step', { mode: 'number' }).notNull()
});

/**
 * Failed sign-in attempts per key ("account:<email>" or "client:<hash>") since the count
 * last started over; a success clears an account's row. No address is stored, only its hash.
 */
export const deskSignInFailure = pgTable('desk_sign_in_failure', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
	lastAt: timestamp('last_at', { withTimezone: true }).notNull()
});

/** The auth library's signing secret when BETTER_AUTH_SECRET is not set: made once, shared by every server. */
export const deskSecret = pgTable('desk_secret', {
	id: integer('id').primaryKey(),
	secret: text('secret').notNull(),
	createdAt: created()
});

/** A one-time link an admin passes on; only the token's hash is kept. One unused invite per address. */
export const deskInvite = pgTable(
	'desk_invite',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		tokenHash: text('token_hash').notNull().unique(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		role: text('role').$type<Role>().notNull(),
		specialty: text('specialty').notNull().default(''),
		invitedBy: text('invited_by').references(() => deskUser.id, { onDelete: 'set null' }),
		createdAt: created(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('desk_invite_pending_email_idx')
			.on(t.email)
			.where(sql`${t.usedAt} is null`)
	]
);

/**
 * A sign-off of one exact version: `subject` is a guide slug, "rules" (the self-check's
 * rule set) or "hazard-log"; `hash` is what the reader sees; `text` is that version,
 * kept so the desk can show what changed since.
 */
export const deskReview = pgTable(
	'desk_review',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		subject: text('subject').notNull(),
		lang: text('lang').notNull(),
		hash: text('hash').notNull(),
		text: text('text').notNull(),
		note: text('note').notNull().default(''),
		reviewerId: text('reviewer_id').references(() => deskUser.id, { onDelete: 'set null' }),
		reviewerName: text('reviewer_name').notNull(),
		reviewerSpecialty: text('reviewer_specialty').notNull(),
		reviewerRole: text('reviewer_role').notNull(),
		signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('desk_review_subject_idx').on(t.subject, t.lang, t.signedAt)]
);

/** The inbox's state of one "not helpful" answer; no row means "new". */
export const feedbackStatus = pgTable(
	'feedback_status',
	{
		feedbackId: uuid('feedback_id')
			.primaryKey()
			.references(() => feedback.id, { onDelete: 'cascade' }),
		status: text('status').notNull(),
		updatedAt: updated(),
		updatedBy: text('updated_by').references(() => deskUser.id, { onDelete: 'set null' })
	},
	(t) => [index('feedback_status_status_idx').on(t.status), check('feedback_status_check', oneOf(t.status, FEEDBACK_STATUSES))]
);

/** Every change on the desk. Append-only: a trigger refuses updates and deletes. */
export const deskAudit = pgTable(
	'desk_audit',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorId: text('actor_id'),
		actorEmail: text('actor_email').notNull(),
		action: text('action').notNull(),
		target: text('target').notNull(),
		before: jsonb('before'),
		after: jsonb('after')
	},
	(t) => [index('desk_audit_at_idx').on(t.at)]
);

export type DeskUserRow = typeof deskUser.$inferSelect;
export type DeskReviewRow = typeof deskReview.$inferSelect;
export type DeskAuditRow = typeof deskAudit.$inferSelect;
