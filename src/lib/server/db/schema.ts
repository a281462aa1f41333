import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One reader's answer to "Was this guide helpful?". Nothing about the reader is kept. */
export const feedback = pgTable(
	'feedback',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		guide: text('guide').notNull(),
		lang: text('lang').notNull(),
		helpful: boolean('helpful').notNull(),
		comment: text('comment'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('feedback_guide_idx').on(t.guide, t.helpful), check('feedback_lang_check', sql`${t.lang} in ('en', 'ru')`)]
);

export type FeedbackRow = typeof feedback.$inferSelect;
