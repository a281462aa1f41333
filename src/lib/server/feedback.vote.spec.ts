// castVote on a real database and the real rate limiter: the order of its steps decides
// which refusal a request gets, for the form and the API alike.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FeedbackInput } from '../core/feedback';
import { err, ok } from '../core/result';
import type { Database } from './db';
import { testBackends } from './db/testing';
import { castVote, feedbackSummary, recordFeedback, type VoteServices } from './feedback';
import { rateLimiter } from './rate-limit';

const client = (address: string) => ({ getClientAddress: () => address });
const yes = () => Promise.resolve(ok<FeedbackInput>({ lang: 'en', helpful: true }));

for (const backend of testBackends()) {
	describe(`castVote on ${backend.name}`, () => {
		let database: Database;
		let services: VoteServices;
		beforeAll(async () => {
			database = await backend.open();
			const limiter = rateLimiter({ limit: 2, windowSeconds: 60 }, 'vote-test');
			services = { limiter: async () => limiter, store: async (slug, vote) => ok(await recordFeedback(database.db, slug, vote)) };
		});
		afterAll(() => database?.close());

		it('an unknown guide is not_found before the request is read', async () => {
			const read = vi.fn(yes);
			expect(await castVote('no-such-guide', client('192.0.2.1'), read, services)).toEqual(err({ code: 'not_found' }));
			expect(read).not.toHaveBeenCalled();
		});

		it('what the route read as no vote comes back with its reason and costs nothing of the limit', async () => {
			for (let i = 0; i < 3; i++)
				expect(await castVote('calf-cramps', client('192.0.2.2'), async () => err('helpful'), services)).toEqual(
					err({ code: 'no_vote', reason: 'helpful' })
				);
			expect((await castVote('calf-cramps', client('192.0.2.2'), yes, services)).ok).toBe(true);
		});

		it('stores votes until the client reaches its limit, then rate_limited with the wait and the vote', async () => {
			const before = await feedbackSummary(database.db, 'night-leg-cramps');
			const stored = [];
			for (let i = 0; i < 2; i++) stored.push(await castVote('night-leg-cramps', client('192.0.2.3'), yes, services));
			expect(stored.map((s) => s.ok)).toEqual([true, true]);
			const third = await castVote('night-leg-cramps', client('192.0.2.3'), yes, services);
			expect(third).toMatchObject({ ok: false, error: { code: 'rate_limited', vote: { lang: 'en', helpful: true } } });
			expect(third.ok ? 0 : 'retryAfterSeconds' in third.error ? third.error.retryAfterSeconds : 0).toBeGreaterThan(0);
			expect((await feedbackSummary(database.db, 'night-leg-cramps')).yes).toBe(before.yes + 2);
			// Another client is not affected.
			expect((await castVote('night-leg-cramps', client('192.0.2.4'), yes, services)).ok).toBe(true);
		});
	});
}
