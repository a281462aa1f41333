// recordFeedback's group commit on real databases: votes cast together share statements,
// yet each caller gets its own row, the counts stay exact, and a statement that fails
// fails every vote in it.
import fc from 'fast-check';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackInput } from '../core/feedback';
import type { Database } from './db';
import { testBackends } from './db/testing';
import { isDatabaseUnavailable } from './db/unavailable';
import { feedbackSummary, recordFeedback } from './feedback';
import { votesTotal } from './metrics';

const storedVotes = async () => (await votesTotal.get()).values.reduce((n, v) => n + v.value, 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const backend of testBackends()) {
	describe(`group commit on ${backend.name}`, () => {
		let database: Database;
		const rowsOf = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
		beforeAll(async () => {
			database = await backend.open();
		});
		afterAll(() => database?.close());

		it('for any votes arriving in any order, each caller gets its own row and the counts equal the rows', async () => {
			let run = 0;
			const vote = fc.record({
				guide: fc.constantFrom('a', 'b', 'c'),
				lang: fc.constantFrom('en' as const, 'ru' as const),
				helpful: fc.boolean(),
				comment: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
				// Around New Year and a Sunday/Monday turn; absent: the database's clock
				at: fc.option(fc.date({ min: new Date('2026-12-27T00:00:00Z'), max: new Date('2027-01-05T00:00:00Z'), noInvalidDate: true }), {
					nil: undefined
				}),
				// When it arrives, ms after the first: some while a statement is in flight, some between
				arrival: fc.integer({ min: 0, max: 6 })
			});
			await fc.assert(
				fc.asyncProperty(fc.array(vote, { maxLength: 40 }), async (votes) => {
					// Guides of their own per run, so each run (and each shrunk one) starts from no votes.
					const prefix = `grouped-${++run}-`;
					const metered = await storedVotes();
					const cast = Date.now();
					const ids = await Promise.all(
						votes.map(async (v) => {
							await sleep(v.arrival);
							const input: FeedbackInput = { lang: v.lang, helpful: v.helpful, comment: v.comment };
							return (await recordFeedback(database.db, prefix + v.guide, input, v.at)).id;
						})
					);
					const castBy = Date.now();
					expect(new Set(ids).size).toBe(votes.length);
					expect(await storedVotes()).toBe(metered + votes.length);
					const rows = await rowsOf<{ id: string; guide: string; lang: string; helpful: boolean; comment: string | null; ms: number }>(
						sql`select id, guide, lang, helpful, comment, (extract(epoch from created_at) * 1000)::float8 as ms from feedback where guide like ${prefix + '%'}`
					);
					const byId = new Map(rows.map((r) => [r.id, r]));
					expect(rows.length).toBe(votes.length);
					votes.forEach((v, i) => {
						const row = byId.get(ids[i]);
						expect(row).toMatchObject({ guide: prefix + v.guide, lang: v.lang, helpful: v.helpful, comment: v.comment || null });
						// Without `at`, the database's clock stamps it while the votes are being cast (1 s of slack between the clocks).
						const [low, high] = v.at ? [v.at.getTime(), v.at.getTime()] : [cast - 1000, castBy + 1000];
						expect(Number(row!.ms)).toBeGreaterThanOrEqual(low);
						expect(Number(row!.ms)).toBeLessThanOrEqual(high);
					});
					const [counted, countedRows] = await Promise.all([
						rowsOf(
							sql`select guide, helpful, sum(votes)::int as n from feedback_counts where guide like ${prefix + '%'} group by 1, 2 order by 1, 2`
						),
						rowsOf(
							sql`select guide, helpful, count(*)::int as n from feedback where guide like ${prefix + '%'} group by 1, 2 order by 1, 2`
						)
					]);
					expect(counted).toEqual(countedRows);
					const [weeks, weekRows] = await Promise.all([
						rowsOf(sql`select week::text, guide, lang, helpful, sum(votes)::int as n
							from feedback_weekly where guide like ${prefix + '%'} group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
						rowsOf(sql`select date_trunc('week', created_at at time zone 'UTC')::date::text as week, guide, lang, helpful, count(*)::int as n
							from feedback where guide like ${prefix + '%'} group by 1, 2, 3, 4 order by 1, 2, 3, 4`)
					]);
					expect(weeks).toEqual(weekRows);
				}),
				{ numRuns: 30 }
			);
		});

		it('votes cast at once share statements: far fewer transactions than votes', async () => {
			const ids = await Promise.all(
				Array.from({ length: 64 }, (_, i) => recordFeedback(database.db, 'at-once', { lang: 'en', helpful: i % 2 === 0 }))
			);
			// Each statement is its own transaction; its rows share their xmin.
			const [{ transactions }] = await rowsOf<{ transactions: number }>(
				sql`select count(distinct xmin::text)::int as transactions from feedback where guide = 'at-once'`
			);
			expect(ids.length).toBe(64);
			expect(transactions).toBeLessThanOrEqual(8);
			expect(await feedbackSummary(database.db, 'at-once')).toEqual({ yes: 32, no: 32 });
		});

		it('a statement that fails fails every vote in it: none is stored, counted or metered', async () => {
			const metered = await storedVotes();
			// A language the database refuses, amid good votes cast at the same moment.
			const votes = Array.from({ length: 12 }, (_, i) => ({
				lang: i === 6 ? ('de' as 'en') : ('en' as const),
				helpful: true,
				comment: `v${i}`
			}));
			const settled = await Promise.allSettled(votes.map((v) => recordFeedback(database.db, 'poisoned', v)));
			const stored = settled.flatMap((s, i) => (s.status === 'fulfilled' ? [{ id: s.value.id, comment: votes[i].comment }] : []));
			expect(settled[6].status).toBe('rejected');
			// It shared its statement with others, and they failed with it.
			expect(settled.filter((s) => s.status === 'rejected').length).toBeGreaterThan(1);
			const rows = await rowsOf<{ id: string; comment: string }>(
				sql`select id, comment from feedback where guide = 'poisoned' order by comment`
			);
			expect(rows).toEqual(stored.sort((a, b) => a.comment.localeCompare(b.comment)));
			expect(await feedbackSummary(database.db, 'poisoned')).toEqual({ yes: stored.length, no: 0 });
			expect(await storedVotes()).toBe(metered + stored.length);
		});

		if (backend.name === 'postgres')
			it('a statement whose connection is lost fails every vote in it as unavailable, storing none', async () => {
				const url = database.pool!.options.connectionString;
				// One session holds the votes' statements at the feedback table; another ends
				// theirs (outside a transaction, so it sees pg_stat_activity afresh each time).
				const [locker, ender] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
				await Promise.all([locker.connect(), ender.connect()]);
				try {
					await locker.query('begin');
					await locker.query('lock table feedback in share mode');
					const metered = await storedVotes();
					const votes = Array.from({ length: 24 }, () => recordFeedback(database.db, 'lost', { lang: 'en', helpful: false }));
					let settled = false;
					const outcomes = Promise.allSettled(votes).finally(() => (settled = true));
					let ended = 0;
					while (!settled) {
						const { rows } = await ender.query(
							`select pg_terminate_backend(pid) from pg_stat_activity
							 where datname = current_database() and wait_event_type = 'Lock' and pid <> $1`,
							[(locker as unknown as { processID: number }).processID]
						);
						ended += rows.length;
						await sleep(20);
					}
					expect((await outcomes).every((o) => o.status === 'rejected' && isDatabaseUnavailable(o.reason))).toBe(true);
					// Fewer sessions were ended than votes failed: they failed in groups.
					expect(ended).toBeLessThan(votes.length);
					await locker.query('rollback');
					expect(await feedbackSummary(database.db, 'lost')).toEqual({ yes: 0, no: 0 });
					expect((await rowsOf(sql`select id from feedback where guide = 'lost'`)).length).toBe(0);
					expect(await storedVotes()).toBe(metered);
				} finally {
					await Promise.all([locker.end(), ender.end()]);
				}
			});
	});
}
