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
			expect(names).toEqual(['comment', 'created_at', 'guide', 'helpful', 'id', 'lang']);
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
			expect(Object.keys(row).sort()).toEqual(['comment', 'createdAt', 'guide', 'helpful', 'id', 'lang']);
		});

		it('summarises yes and no per guide', async () => {
			for (const helpful of [true, true, true, false]) await recordFeedback(database.db, 'night-leg-cramps', { lang: 'en', helpful });
			await recordFeedback(database.db, 'other', { lang: 'en', helpful: true });
			expect(await feedbackSummary(database.db, 'night-leg-cramps')).toEqual({ yes: 3, no: 1 });
			expect(await feedbackSummary(database.db, 'never-voted')).toEqual({ yes: 0, no: 0 });
		});

		it('rejects a language the schema does not know, at the database too', async () => {
			await expect(database.db.insert(feedback).values({ guide: 'x', lang: 'de', helpful: true })).rejects.toThrow();
		});
	});
}
