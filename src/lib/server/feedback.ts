// Stores and counts reader feedback. Guide slugs are checked by the caller against the content.
import { eq, sql } from 'drizzle-orm';
import type { FeedbackInput, FeedbackSummary } from '../core/feedback';
import type { Db } from './db';
import { feedbackCounts } from './db/schema';
import { votesTotal } from './metrics';

/**
 * Rows each guide's count is spread over (see feedbackCounts). The shard is the database
 * session's process id modulo this: a session runs one transaction at a time, so two
 * concurrent votes wait on one row's lock only when their sessions' ids collide.
 */
export const COUNT_SHARDS = 64;

/**
 * One statement stores the vote and adds it to its count and to its UTC week's count, so
 * neither can ever differ from the rows (a statement is atomic) and a vote costs one round
 * trip. (A trigger kept the weeks until drizzle/0007: it cost a quarter of the votes/s.)
 * `at` is when the vote was cast: the database's clock unless given (tests, imports).
 */
export async function recordFeedback(db: Db, guide: string, input: FeedbackInput, at?: Date): Promise<{ id: string }> {
	const result = await db.execute<{ id: string }>(sql`
		with vote as (
			insert into feedback (guide, lang, helpful, comment, created_at)
			values (${guide}, ${input.lang}, ${input.helpful}, ${input.comment || null}, coalesce(${at?.toISOString() ?? null}::timestamptz, now()))
			returning id, guide, lang, helpful, created_at
		), counted as (
			insert into feedback_counts (guide, helpful, shard, votes)
			select guide, helpful, pg_backend_pid() % ${COUNT_SHARDS}, 1 from vote
			on conflict (guide, helpful, shard) do update set votes = feedback_counts.votes + 1
		), weekly as (
			insert into feedback_weekly (week, guide, lang, helpful, shard, votes)
			select date_trunc('week', created_at at time zone 'UTC')::date, guide, lang, helpful, pg_backend_pid() % ${COUNT_SHARDS}, 1 from vote
			on conflict (week, guide, lang, helpful, shard) do update set votes = feedback_weekly.votes + 1
		)
		select id from vote`);
	votesTotal.inc({ helpful: String(input.helpful) });
	return (result as unknown as { rows: { id: string }[] }).rows[0];
}

export async function feedbackSummary(db: Db, guide: string): Promise<FeedbackSummary> {
	const rows = await db
		.select({ helpful: feedbackCounts.helpful, n: sql<string>`sum(${feedbackCounts.votes})` })
		.from(feedbackCounts)
		.where(eq(feedbackCounts.guide, guide))
		.groupBy(feedbackCounts.helpful);
	const votes = (helpful: boolean) => Number(rows.find((r) => r.helpful === helpful)?.n ?? 0);
	return { yes: votes(true), no: votes(false) };
}
