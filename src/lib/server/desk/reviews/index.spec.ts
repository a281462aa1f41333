import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { deskAudit } from '../../db/desk-schema';
import { testBackends } from '../../db/testing';
import { findServed, guideReview, holdingSignOff, refreshSignOffs, ruleSetStatus, signOff, statuses } from './index';

const expert = {
	id: null,
	email: 'vera@example.org',
	name: 'Dr Vera',
	specialty: 'sports physician',
	role: 'expert' as const
};
const clinician = { ...expert, email: 'cli@example.org', name: 'Dr Lin', specialty: 'GP', role: 'clinician' as const };

describe.each(testBackends())('sign-offs on $name', (backend) => {
	let database: Database;
	beforeAll(async () => {
		database = await backend.open();
		await refreshSignOffs(database.db);
	});
	afterAll(() => database?.close());

	it('starts with every guide awaiting review', () => {
		expect(statuses().every((s) => s.state === 'never-reviewed')).toBe(true);
		expect(ruleSetStatus()).toMatchObject({ clinicallySignedOff: false, version: expect.stringMatching(/^[0-9a-f]{12}$/) });
	});

	it('binds a sign-off to the served hash of one guide in one language', async () => {
		const served = findServed('calf-cramps', 'en')!;
		await signOff(database.db, expert, 'calf-cramps', 'en', served.version.hash, 'checked');
		expect(holdingSignOff('calf-cramps', 'en')).toMatchObject({
			name: 'Dr Vera',
			specialty: 'sports physician',
			hash: served.version.hash
		});
		expect(holdingSignOff('calf-cramps', 'ru')).toBeUndefined();
		// The JSON API says the same as the page: this text is signed, the Russian one awaits review.
		expect(guideReview('calf-cramps', 'en')).toEqual({
			version: served.version.hash.slice(0, 12),
			signedOff: { name: 'Dr Vera', specialty: 'sports physician', on: new Date().toISOString().slice(0, 10) }
		});
		expect(guideReview('calf-cramps', 'ru').signedOff).toBeNull();
		const [audit] = await database.db.select().from(deskAudit).where(eq(deskAudit.action, 'review.sign-off'));
		expect(audit).toMatchObject({ actorEmail: 'vera@example.org', target: 'calf-cramps/en' });
	});

	it('[S-42.3] refuses a sign-off of a version that is no longer served', async () => {
		expect(await signOff(database.db, expert, 'calf-cramps', 'ru', '0'.repeat(64), '')).toEqual({
			ok: false,
			field: 'hash',
			code: 'text-changed'
		});
	});

	it('[S-42.2] refuses to sign one language with the other language’s version, and says so', async () => {
		for (const [page, version] of [
			['en', 'ru'],
			['ru', 'en']
		] as const) {
			const otherHash = findServed('night-leg-cramps', version)!.version.hash;
			expect(await signOff(database.db, expert, 'night-leg-cramps', page, otherHash, '')).toEqual({
				ok: false,
				field: 'hash',
				code: 'other-language',
				other: version
			});
			expect(holdingSignOff('night-leg-cramps', page)).toBeUndefined();
		}
		expect(await database.db.select().from(deskAudit).where(eq(deskAudit.target, 'night-leg-cramps/en'))).toEqual([]);
	});

	it('lets only a clinician sign off the rule set', async () => {
		const rules = findServed('rules', 'all')!;
		expect(await signOff(database.db, expert, 'rules', 'all', rules.version.hash, '')).toEqual({
			ok: false,
			field: 'subject',
			code: 'clinician-only'
		});
		expect((await signOff(database.db, clinician, 'rules', 'all', rules.version.hash, 'rules match the hazard log')).ok).toBe(true);
		expect(ruleSetStatus().clinicallySignedOff).toBe(true);
	});
});
