import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from './db';
import { feedback } from './db/schema';
import { testBackends } from './db/testing';
import { feedbackSummary, recordFeedback } from './feedback';

for (const backend of testBackends()) {
	describe(`feedback on ${backend.name}`, () => {
		let database: Database;
		beforeAll(async () => {
			database = await backend.open();
		});
		afterAll(() => database?.close());

		it('migrations create the feedback table from empty', async () => {
			const rows = await database.db.execute(
				sql`select column_name from information_schema.columns where table_name = 'feedback' order by column_name`
			);
			const names = (rows as unknown as { rows: { column_name: string }[] }).rows.map((r) => r.column_name);
			// comment_search: the comment's own words, for the desk's search
			expect(names).toEqual(['comment', 'comment_search', 'created_at', 'guide', 'helpful', 'id', 'lang']);
		});

		it('a vote round-trips byte-exact, with nothing about the reader', async () => {
			const comment = 'Нужны картинки 🦵 <script>alert(1)</script> \' " \\';
			const { id } = await recordFeedback(database.db, 'calf-cramps', { lang: 'ru', helpful: false, comment });
			const [row] = await database.db
				.select()
				.from(feedback)
				.where(sql`${feedback.id} = ${id}`);
			expect(row).toMatchObject({ guide: 'calf-cramps', lang: 'ru', helpful: false, comment });
			expect(row.createdAt).toBeInstanceOf(Date);
			expect(row.commentSearch).toContain("'картинки'");
			expect(Object.keys(row).sort()).toEqual(['comment', 'commentSearch', 'createdAt', 'guide', 'helpful', 'id', 'lang']);
		});

		it('summarises yes and no per guide', async () => {
			for (const helpful of [true, true, true, false]) await recordFeedback(database.db, 'night-leg-cramps', { lang: 'en', helpful });
			await recordFeedback(database.db, 'other', { lang: 'en', helpful: true });
			expect(await feedbackSummary(database.db, 'night-leg-cramps')).toEqual({ yes: 3, no: 1 });
			expect(await feedbackSummary(database.db, 'never-voted')).toEqual({ yes: 0, no: 0 });
		});

		it('keeps the counts exact under concurrent votes, equal to the stored rows', async () => {
			const votes = Array.from({ length: 120 }, (_, i) => recordFeedback(database.db, 'busy', { lang: 'en', helpful: i % 3 !== 0 }));
			await Promise.all(votes);
			const counted = await database.db.execute<{ helpful: boolean; n: number }>(
				sql`select helpful, count(*)::int as n from feedback where guide = 'busy' group by helpful order by helpful`
			);
			expect((counted as unknown as { rows: unknown[] }).rows).toEqual([
				{ helpful: false, n: 40 },
				{ helpful: true, n: 80 }
			]);
			expect(await feedbackSummary(database.db, 'busy')).toEqual({ yes: 80, no: 40 });
		});

		it('for any votes cast at once, the counts per guide and per UTC week equal the stored rows', async () => {
			const rowsOf = async (query: ReturnType<typeof sql>) => (await database.db.execute(query)) as unknown as { rows: unknown[] };
			let run = 0;
			const vote = fc.record({
				guide: fc.constantFrom('a', 'b'),
				lang: fc.constantFrom('en' as const, 'ru' as const),
				helpful: fc.boolean(),
				// Around New Year and a Sunday/Monday turn, in any zone's terms
				at: fc.date({ min: new Date('2026-12-27T00:00:00Z'), max: new Date('2027-01-05T00:00:00Z'), noInvalidDate: true })
			});
			await fc.assert(
				fc.asyncProperty(fc.array(vote, { maxLength: 12 }), async (votes) => {
					// Guides of their own per run, so each run (and each shrunk one) starts from no votes.
					const prefix = `counted-${++run}-`;
					await Promise.all(votes.map((v) => recordFeedback(database.db, prefix + v.guide, { lang: v.lang, helpful: v.helpful }, v.at)));
					const [rows, counts] = await Promise.all([
						rowsOf(
							sql`select guide, helpful, count(*)::int as n from feedback where guide like ${prefix + '%'} group by 1, 2 order by 1, 2`
						),
						rowsOf(
							sql`select guide, helpful, sum(votes)::int as n from feedback_counts where guide like ${prefix + '%'} group by 1, 2 order by 1, 2`
						)
					]);
					expect(counts.rows).toEqual(rows.rows);
					const [weekRows, weeks] = await Promise.all([
						rowsOf(sql`select date_trunc('week', created_at at time zone 'UTC')::date::text as week, guide, lang, helpful, count(*)::int as n
							from feedback where guide like ${prefix + '%'} group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
						rowsOf(sql`select week::text, guide, lang, helpful, sum(votes)::int as n
							from feedback_weekly where guide like ${prefix + '%'} group by 1, 2, 3, 4 order by 1, 2, 3, 4`)
					]);
					expect(weeks.rows).toEqual(weekRows.rows);
				}),
				{ numRuns: 25 }
			);
		});

		it('a refused vote changes neither the rows nor the count', async () => {
			const before = await feedbackSummary(database.db, 'refused');
			await expect(recordFeedback(database.db, 'refused', { lang: 'de' as 'en', helpful: true })).rejects.toThrow();
			expect(await feedbackSummary(database.db, 'refused')).toEqual(before);
		});

		it('rejects a language the schema does not know, at the database too', async () => {
			await expect(database.db.insert(feedback).values({ guide: 'x', lang: 'de', helpful: true })).rejects.toThrow();
		});
	});
}
