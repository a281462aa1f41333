// A change on the desk and its audit row are one transaction. For any sequence of changes
// (roles, disabling, two-factor resets, invites, inbox statuses, sign-offs), each either
// commits with exactly one new audit row or, when its audit row cannot be written, fails
// and leaves every desk table exactly as it was. `POST ?/role` once answered 500 with the
// role changed and no row: the audit insert failed after the update had committed.
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { asc, count, inArray } from 'drizzle-orm';
import { ROLES } from '../../core/desk/roles';
import { authFor } from '../auth';
import type { Database } from '../db';
import { deskAudit, deskInvite, deskReview, deskSession, deskTwoFactor, deskUser, feedbackStatus } from '../db/desk-schema';
import { testBackends } from '../db/testing';
import { recordFeedback } from '../feedback';
import { findServed, refreshSignOffs, signOff } from './reviews';
import { valueOf } from '../../core/desk/outcome';
import { changeRole, createAccount, createInvite, resetTwoFactor, setDisabled } from './accounts';
import type { Actor } from './audit';
import { setStatus, STATUSES } from './inbox';

const PASSWORD = 'atomic password 1234';
// The database refuses this actor's audit row (actor_email is NOT NULL), after the change itself has run.
const unrecordable = { id: null, email: null } as unknown as Actor;
const EMAILS = ['ed@example.org', 'vera@example.org', 'lin@example.org'];

const change = fc.oneof(
	fc.record({ kind: fc.constant('role' as const), who: fc.nat(2), role: fc.constantFrom(...ROLES) }),
	fc.record({ kind: fc.constant('disable' as const), who: fc.nat(2), disabled: fc.boolean() }),
	fc.record({ kind: fc.constant('reset-two-factor' as const), who: fc.nat(2) }),
	fc.record({ kind: fc.constant('invite' as const), at: fc.nat(1_000_000) }),
	fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom(...STATUSES) }),
	fc.record({ kind: fc.constant('sign-off' as const), lang: fc.constantFrom('en', 'ru') })
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

describe.each(testBackends())('a change and its audit row on $name', (backend) => {
	let database: Database;
	const ids: string[] = [];
	let answer = '';
	const admin: Actor = { id: null, email: 'admin@example.org' };
	beforeAll(async () => {
		database = await backend.open();
		await refreshSignOffs(database.db);
		admin.id = valueOf(
			await createAccount(database.db, { email: admin.email, name: 'Ada', role: 'admin', specialty: '' }, PASSWORD, admin)
		).id;
		for (const [i, email] of EMAILS.entries())
			ids.push(valueOf(await createAccount(database.db, { email, name: `N${i}`, role: 'editor', specialty: '' }, PASSWORD, admin)).id);
		answer = (await recordFeedback(database.db, 'calf-cramps', { lang: 'en', helpful: false, comment: 'more pictures' })).id;
	});
	afterAll(() => database?.close());

	/** Every row of every table a desk change writes. */
	async function desk() {
		const { db } = database;
		return {
			users: await db.select().from(deskUser).orderBy(asc(deskUser.id)),
			sessions: await db.select().from(deskSession).orderBy(asc(deskSession.id)),
			twoFactor: await db.select().from(deskTwoFactor).orderBy(asc(deskTwoFactor.id)),
			invites: await db.select().from(deskInvite).orderBy(asc(deskInvite.tokenHash)),
			reviews: await db.select().from(deskReview).orderBy(asc(deskReview.id)),
			statuses: await db.select().from(feedbackStatus).orderBy(asc(feedbackStatus.feedbackId)),
			audit: await db.select().from(deskAudit).orderBy(asc(deskAudit.id))
		};
	}

	/** Gives the account something to lose: a session and a second factor. */
	async function prepare(who: number) {
		const auth = await authFor(database.db);
		await database.db.update(deskUser).set({ disabled: false, twoFactorEnabled: true }).where(inArray(deskUser.id, ids));
		await auth.api.signInEmail({ body: { email: EMAILS[who], password: PASSWORD }, headers: new Headers() });
		await database.db
			.insert(deskTwoFactor)
			.values({ id: `tf-${who}`, secret: 'secret', backupCodes: 'codes', userId: ids[who] })
			.onConflictDoNothing();
	}

	async function run(c: Change, actor: Actor) {
		const { db } = database;
		switch (c.kind) {
			case 'role':
				return changeRole(db, ids[c.who], c.role, actor);
			case 'disable':
				return setDisabled(db, ids[c.who], c.disabled, actor);
			case 'reset-two-factor':
				return resetTwoFactor(db, ids[c.who], actor);
			case 'invite':
				return createInvite(db, { email: `new${c.at}@example.org`, name: 'New', role: 'expert', specialty: '' }, actor);
			case 'status':
				return setStatus(db, [answer], c.status, actor);
			case 'sign-off': {
				const reviewer = { ...actor, name: 'Dr Vera', specialty: 'sports physician', role: 'expert' as const };
				return signOff(db, reviewer, 'calf-cramps', c.lang, findServed('calf-cramps', c.lang)!.version.hash, 'checked');
			}
		}
	}

	test.prop([fc.array(fc.record({ change, recordable: fc.boolean() }), { minLength: 1, maxLength: 4 })], { numRuns: 12 })(
		'[S-05.1] every change commits with exactly one audit row, or fails and changes nothing',
		async (steps) => {
			for (const { change: c, recordable } of steps) {
				if ('who' in c) await prepare(c.who);
				const before = await desk();
				if (recordable) {
					await run(c, admin);
					const [{ rows }] = await database.db.select({ rows: count() }).from(deskAudit);
					expect(rows).toBe(before.audit.length + 1);
				} else {
					await expect(run(c, unrecordable)).rejects.toThrow();
					expect(await desk()).toEqual(before);
				}
			}
		}
	);
});
