// Stores and counts reader feedback. castVote is the one way a vote comes in (the form and
// the API); recordFeedback stores one whose guide the caller has checked.
import { eq, sql } from 'drizzle-orm';
import type { FeedbackInput, FeedbackSummary } from '../core/feedback';
import { err, ok, type Result } from '../core/result';
import { findGuide } from './content';
import type { Db } from './db';
import { feedbackCounts } from './db/schema';
import { groupCommit } from './group-commit';
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

/** A vote as it waits for its group's statement. */
type PendingVote = { guide: string; input: FeedbackInput; at?: Date };

/**
 * Group commit (see groupCommit): votes that arrive while a statement is in flight go
 * together in the next, one round trip and one WAL flush for many; a vote's flush and the
 * Node CPU around its statement were most of its cost (docs/scaling.md). One statement in
 * flight made the largest groups and the fewest commits per vote; 2 and 4 measured worse
 * ("Votes: group commit", 3 Dec 2026).
 */
const MAX_BATCH = 64;
const MAX_IN_FLIGHT = 1;

/** Each database's own queue: a test's databases and the app's never share a statement. */
const queues = new WeakMap<Db, (vote: PendingVote) => Promise<{ id: string }>>();

/**
 * One statement stores a group of votes and adds them to their counts and to their UTC
 * weeks' counts, so neither can ever differ from the rows (a statement is atomic: all of
 * the group is stored and counted, or none). The counts add each group's number per row,
 * as one row may be upserted only once per statement. (A trigger kept the weeks until
 * drizzle/0007: it cost a quarter of the votes/s.) The ids are made before the insert,
 * numbered in the group's order, so each vote gets its own back.
 */
async function recordGroup(db: Db, votes: PendingVote[]): Promise<{ id: string }[]> {
	const column = <T>(of: (vote: PendingVote) => T) => sql.param(votes.map(of));
	const result = await db.execute<{ id: string }>(sql`
		with given as (
			select gen_random_uuid() as id, guide, lang, helpful, comment, coalesce(at, now()) as created_at, n
			from unnest(${column((v) => v.guide)}::text[], ${column((v) => v.input.lang)}::text[], ${column((v) => v.input.helpful)}::boolean[],
				${column((v) => v.input.comment || null)}::text[], ${column((v) => v.at?.toISOString() ?? null)}::timestamptz[])
				with ordinality as v(guide, lang, helpful, comment, at, n)
		), vote as (
			insert into feedback (id, guide, lang, helpful, comment, created_at)
			select id, guide, lang, helpful, comment, created_at from given
			returning guide, lang, helpful, created_at
		), counted as (
			insert into feedback_counts (guide, helpful, shard, votes)
			select guide, helpful, pg_backend_pid() % ${COUNT_SHARDS}, count(*) from vote group by guide, helpful
			on conflict (guide, helpful, shard) do update set votes = feedback_counts.votes + excluded.votes
		), weekly as (
			insert into feedback_weekly (week, guide, lang, helpful, shard, votes)
			select date_trunc('week', created_at at time zone 'UTC')::date as week, guide, lang, helpful, pg_backend_pid() % ${COUNT_SHARDS}, count(*)
			from vote group by week, guide, lang, helpful
			on conflict (week, guide, lang, helpful, shard) do update set votes = feedback_weekly.votes + excluded.votes
		)
		select id from given order by n`);
	for (const vote of votes) votesTotal.inc({ helpful: String(vote.input.helpful) });
	return (result as unknown as { rows: { id: string }[] }).rows;
}

/**
 * Stores one vote and counts it (in a group with the votes cast alongside it, see
 * recordGroup); resolves with its own id once it is committed. `at` is when the vote was
 * cast: the database's clock unless given (tests, imports). If the group's statement
 * fails, every vote in it rejects with that error and none of them is stored.
 */
export function recordFeedback(db: Db, guide: string, input: FeedbackInput, at?: Date): Promise<{ id: string }> {
	let queue = queues.get(db);
	if (!queue) {
		queue = groupCommit((votes: PendingVote[]) => recordGroup(db, votes), { maxBatch: MAX_BATCH, maxInFlight: MAX_IN_FLIGHT });
		queues.set(db, queue);
	}
	return queue({ guide, input, at });
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
