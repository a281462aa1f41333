import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	customType,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uuid,
	varchar
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** One reader's answer to "Was this guide helpful?". Nothing about the reader is kept. */
export const feedback = pgTable(
	'feedback',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		guide: text('guide').notNull(),
		lang: text('lang').notNull(),
		helpful: boolean('helpful').notNull(),
		comment: text('comment'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/**
		 * The comment's words for the desk's search ('simple': no stemming, so Russian and
		 * English alike), stored so that checking a row costs no parsing (src/lib/server/desk/inbox.ts).
		 */
		commentSearch: tsvector('comment_search').generatedAlwaysAs(sql`to_tsvector('simple', coalesce(comment, ''))`)
	},
	(t) => [index('feedback_guide_idx').on(t.guide, t.helpful), check('feedback_lang_check', sql`${t.lang} in ('en', 'ru')`)]
);

export type FeedbackRow = typeof feedback.$inferSelect;

/** A count's own columns: its share of the votes, in one of COUNT_SHARDS rows (one per database session, modulo). */
const shardedVotes = () => ({ shard: smallint('shard').notNull(), votes: bigint('votes', { mode: 'number' }).notNull() });

/**
 * Votes per guide and answer, kept in the same statement as each vote (see
 * recordFeedback), so the summary reads a few rows however many votes there are. Each
 * guide and answer is spread over COUNT_SHARDS rows (one per database session, modulo),
 * so concurrent votes rarely wait on one row's lock; the summary adds them up.
 */
export const feedbackCounts = pgTable(
	'feedback_counts',
	{ guide: text('guide').notNull(), helpful: boolean('helpful').notNull(), ...shardedVotes() },
	(t) => [primaryKey({ columns: [t.guide, t.helpful, t.shard] })]
);

/**
 * Votes per UTC week (its Monday), guide, language and answer, for the desk's weekly chart:
 * counting a week from `feedback` means reading every vote in it (seconds at a million
 * votes). Kept in the same statement as each vote, like feedbackCounts (recordFeedback;
 * a trigger until drizzle/0007); votes are never deleted. Sharded like feedbackCounts so
 * concurrent votes rarely wait on one row.
 */
export const feedbackWeekly = pgTable(
	'feedback_weekly',
	{
		week: date('week').notNull(),
		guide: text('guide').notNull(),
		lang: text('lang').notNull(),
		helpful: boolean('helpful').notNull(),
		...shardedVotes()
	},
	(t) => [primaryKey({ columns: [t.week, t.guide, t.lang, t.helpful, t.shard] })]
);

/**
 * rate-limiter-flexible's PostgreSQL store (its own layout: key, points, expire in ms),
 * created by our migrations so that instances starting together never race to create it.
 * Keys are hashes, never addresses; rows expire within the limit's window.
 */
export const rateLimit = pgTable('rate_limit', {
	key: varchar('key', { length: 255 }).primaryKey(),
	points: integer('points').notNull().default(0),
	expire: bigint('expire', { mode: 'number' })
});
