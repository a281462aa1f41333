// Stores and counts reader feedback. castVote is the one way a vote comes in (the form and
// the API); recordFeedback stores one whose guide the caller has checked.
import { eq, sql } from 'drizzle-orm';
import type { FeedbackInput, FeedbackSummary } from '../core/feedback';
import { err, ok, type Result } from '../core/result';
import { findGuide } from './content';
import type { Db } from './db';
import { feedbackCounts } from './db/schema';
import { withDatabase } from './db/unavailable';
import { votesTotal } from './metrics';
import { clientOf, feedbackRateLimiter, type RateLimiter } from './rate-limit';

/** Why a vote was not stored. `no_vote`: what the route read was not a vote (its reason, for the route). */
export type VoteRefusal<Reason> =
	| { code: 'not_found' }
	| { code: 'no_vote'; reason: Reason }
	| { code: 'rate_limited'; vote: FeedbackInput; retryAfterSeconds: number }
	| { code: 'unavailable'; vote: FeedbackInput };

/** Where castVote counts and stores: the app's limiter and database, or a test's own. */
export type VoteServices = {
	limiter(): Promise<RateLimiter>;
	store(slug: string, vote: FeedbackInput): Promise<Result<{ id: string }, 'unavailable'>>;
};

const APP_SERVICES: VoteServices = {
	limiter: feedbackRateLimiter,
	store: (slug, vote) => withDatabase((db) => recordFeedback(db, slug, vote))
};

/**
 * A reader's vote on a guide, the same steps for the form and the API: the guide exists,
 * the route's own reading of the request gives a vote, the client is under its limit, the
 * vote is stored. `read` runs only for a known guide, so an unknown one is 404 whatever it sent.
 */
export async function castVote<Reason>(
	slug: string,
	client: { getClientAddress(): string },
	read: () => Promise<Result<FeedbackInput, Reason>>,
	services: VoteServices = APP_SERVICES
): Promise<Result<{ id: string }, VoteRefusal<Reason>>> {
	if (!findGuide(slug)) return err({ code: 'not_found' });
	const vote = await read();
	if (!vote.ok) return err({ code: 'no_vote', reason: vote.error });
	const rate = await (await services.limiter())(clientOf(client));
	if (!rate.admitted) return err({ code: 'rate_limited', vote: vote.value, retryAfterSeconds: rate.retryAfterSeconds });
	const stored = await services.store(slug, vote.value);
	return stored.ok ? ok(stored.value) : err({ code: 'unavailable', vote: vote.value });
}

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
