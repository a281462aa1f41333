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
