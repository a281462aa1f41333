// The feedback inbox: "not helpful" answers newest first, filtered, searched (PostgreSQL
// full-text search with the language-neutral 'simple' configuration, which PGlite has
// too), paged by a keyset cursor so page 1000 costs what page 1 does.
//
// A search is answered in two steps, because neither index alone is fast for every word
// (docs/editorial-desk.md has the figures): the newest SEARCH_WINDOW answers of the filter
// are read in order and checked, which fills the page at once for a common word; only if
// that leaves the page short are the older answers found through the words' index, which
// is then cheap, as the word is known to be rare.
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { langSchema } from '../../core/content/schema';
import type { FieldLabels } from '../../core/desk/form-problems';
import { FEEDBACK_STATUSES } from '../../core/desk/forms';
import type { Db } from '../db';
import { feedbackStatus } from '../db/desk-schema';
import { feedback, feedbackCounts } from '../db/schema';
import { recordAudit, type Actor } from './audit';
import { chosen, exportCsv } from './export';
import { yesNoVotes } from './votes';

export const STATUSES = FEEDBACK_STATUSES;
export type InboxStatus = (typeof STATUSES)[number];
export const PAGE_SIZE = 50;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const inboxFilterSchema = z.object({
	guide: optional(z.string().max(100)),
	lang: optional(langSchema),
	status: optional(z.enum(STATUSES)),
	from: optional(z.iso.date()),
	to: optional(z.iso.date()),
	q: optional(z.string().trim().max(200)),
	/** "<created_at as text>|<id>" of the last row seen */
	after: optional(z.string().regex(/^[^|]{10,40}\|[0-9a-f-]{36}$/))
});
export type InboxFilter = z.infer<typeof inboxFilterSchema>;
export const inboxFilterLabels: FieldLabels<typeof inboxFilterSchema> = {
	guide: 'editor.inbox.guide',
	lang: 'editor.inbox.lang',
	status: 'editor.inbox.status',
	from: 'editor.inbox.from',
	to: 'editor.inbox.to',
	q: 'editor.inbox.search',
	after: 'editor.inbox.older'
};

/** The filter from a query string; unknown parameters are ignored. */
export const parseInboxFilter = (params: URLSearchParams) => inboxFilterSchema.safeParse(Object.fromEntries(params));

const statusExpr = sql<InboxStatus>`coalesce(${feedbackStatus.status}, 'new')`;

function conditions(filter: InboxFilter): SQL[] {
	const where: SQL[] = [eq(feedback.helpful, false)];
	if (filter.guide) where.push(eq(feedback.guide, filter.guide));
	if (filter.lang) where.push(eq(feedback.lang, filter.lang));
	if (filter.from) where.push(gte(feedback.createdAt, new Date(`${filter.from}T00:00:00Z`)));
	if (filter.to) where.push(lt(feedback.createdAt, new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000)));
	// An anti-join, not "status is null or …" on the outer join: that form makes PostgreSQL sort every matching row.
	if (filter.status === 'new')
		where.push(
			sql`not exists (select 1 from ${feedbackStatus} as marked where marked.feedback_id = ${feedback.id} and marked.status <> 'new')`
		);
	else if (filter.status) where.push(eq(feedbackStatus.status, filter.status));
	return where;
}

/** Rows strictly older than a cursor, in the inbox's order. */
function olderThan(cursor: string): SQL {
	const [at, id] = cursor.split('|');
	return sql`(${feedback.createdAt}, ${feedback.id}) < (${at}::timestamptz, ${id}::uuid)`;
}

// Full microsecond precision, so the next page starts exactly after this row.
const cursorExpr = sql<string>`${feedback.createdAt}::text || '|' || ${feedback.id}::text`;

/** What the inbox shows of an answer; status is "new" while it has no row. */
const columns = {
	id: feedback.id,
	guide: feedback.guide,
	lang: feedback.lang,
	comment: feedback.comment,
	createdAt: feedback.createdAt,
	status: statusExpr.as('status'),
	cursor: cursorExpr.as('cursor')
};

/** One answer as the inbox lists it: a row of `columns`. */
export type InboxItem = Awaited<ReturnType<typeof newestFirst>>[number];

/** How an answer meets its status: every inbox query joins `feedback_status` on it. */
const withStatus = eq(feedbackStatus.feedbackId, feedback.id);
/** A select from feedback joined to its status, cut to `where`, newest first: the inbox's order and its cursor's. */
const newestMatching = <Q extends PgSelect>(query: Q, where: SQL[]) =>
	query.where(and(...where)).orderBy(desc(feedback.createdAt), desc(feedback.id));

const newestFirst = (db: Db, where: SQL[]) =>
	newestMatching(db.select(columns).from(feedback).leftJoin(feedbackStatus, withStatus).$dynamic(), where);

/** How many of the newest answers a search first checks one by one (docs/editorial-desk.md). */
const SEARCH_WINDOW = 10_000;

async function page(db: Db, filter: InboxFilter, limit: number, window = SEARCH_WINDOW): Promise<InboxItem[]> {
	const where = conditions(filter);
	if (filter.after) where.push(olderThan(filter.after));
	if (!filter.q) return newestFirst(db, where).limit(limit);
	const matches = sql`${feedback.commentSearch} @@ plainto_tsquery('simple', ${filter.q})`;

	const first = await checkNewest(db, where, matches, window, limit);
	let found = first.hits;
	let edge = first.edge;
	// Common words fill the page from the newest answers. If at least half a page matched,
	// a second window sized by that share most likely fills it; fewer, and the words' index
	// finds the rest cheaply, as the words are known to be rare.
	if (edge && found.length < limit && found.length >= limit / 2) {
		const size = Math.ceil(((limit - found.length) * window * 1.5) / found.length);
		const second = await checkNewest(db, [...where, olderThan(edge)], matches, size, limit - found.length);
		found = [...found, ...second.hits];
		edge = second.edge;
	}
	if (edge && found.length < limit)
		found = [...found, ...(await fromWordIndex(db, [...where, olderThan(edge), matches], limit - found.length))];
	return found.length ? newestFirst(db, [inArray(feedback.id, found)]) : [];
}

/** Checks the newest `size` answers of the filter: up to `limit` matching ids and the cursor of the last answer checked, if the filter went on. */
async function checkNewest(db: Db, where: SQL[], matches: SQL, size: number, limit: number) {
	const checked = newestMatching(
		db
			.select({
				id: feedback.id,
				createdAt: feedback.createdAt,
				hit: sql<boolean>`${matches}`.as('hit'),
				n: sql<number>`row_number() over (order by ${feedback.createdAt} desc, ${feedback.id} desc)`.as('n')
			})
			.from(feedback)
			.leftJoin(feedbackStatus, withStatus)
			.$dynamic(),
		where
	)
		.limit(size)
		.as('checked');
	const found = await db
		.select({
			id: checked.id,
			hit: checked.hit,
			n: checked.n,
			cursor: sql<string>`${checked.createdAt}::text || '|' || ${checked.id}::text`
		})
		.from(checked)
		.where(sql`${checked.hit} or ${checked.n} = ${size}`)
		.orderBy(desc(checked.createdAt), desc(checked.id))
		.limit(limit + 1);
	const hits = found.filter((row) => row.hit).slice(0, limit);
	const last = found.find((row) => Number(row.n) === size);
	return { hits: hits.map((row) => row.id), edge: hits.length < limit ? last?.cursor : undefined };
}

/** Ids of the newest matching answers through the words' GIN index. */
function fromWordIndex(db: Db, where: SQL[], limit: number): Promise<string[]> {
	return db.transaction(async (tx) => {
		// The planner, misled by its word estimates, often walks the date index instead, and
		// parallel workers are new processes whose start costs more than a few thousand rows.
		await tx.execute(
			sql`select set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`
		);
		const rows = await newestMatching(
			tx.select({ id: feedback.id }).from(feedback).leftJoin(feedbackStatus, withStatus).$dynamic(),
			where
		).limit(limit);
		return rows.map((row) => row.id);
	});
}

/**
 * One page of the inbox and the cursor of the next, if there is one. `searchWindow` is for
 * tests, which reach every step of a search with a few hundred answers.
 */
export async function inboxPage(db: Db, filter: InboxFilter, searchWindow?: number): Promise<{ items: InboxItem[]; next?: string }> {
	const rows = await page(db, filter, PAGE_SIZE + 1, searchWindow);
	const items = rows.slice(0, PAGE_SIZE);
	return { items, next: rows.length > PAGE_SIZE ? items.at(-1)!.cursor : undefined };
}

const EXPORT_BATCH = 1000;

/** The whole filter as CSV, newest first; its audit row names the editor, the filter and the count. */
export const inboxCsv = (db: Db, filter: InboxFilter, actor: Actor): ReadableStream<Uint8Array> =>
	exportCsv<string>({
		header: ['created_at', 'guide', 'lang', 'status', 'comment'],
		async batch(after) {
			const rows = await page(db, { ...filter, after }, EXPORT_BATCH);
			return {
				rows: rows.map((r) => [r.createdAt.toISOString(), r.guide, r.lang, r.status, r.comment]),
				next: rows.length < EXPORT_BATCH ? undefined : rows.at(-1)!.cursor
			};
		},
		audit: (sent) =>
			recordAudit(db, actor, 'feedback.export', 'feedback', null, { filter: chosen({ ...filter, after: undefined }), ...sent })
	});

/** Sets the status of many answers at once; one audit row names them all with their previous status. */
export async function setStatus(db: Db, ids: string[], status: InboxStatus, actor: Actor): Promise<number> {
	if (!ids.length) return 0;
	// The change and its audit row commit together or not at all.
	return db.transaction(async (tx) => {
		const before = await tx
			.select({ id: feedback.id, status: statusExpr })
			.from(feedback)
			.leftJoin(feedbackStatus, withStatus)
			.where(and(inArray(feedback.id, ids), eq(feedback.helpful, false)));
		if (!before.length) return 0;
		const now = new Date();
		await tx
			.insert(feedbackStatus)
			.values(before.map((row) => ({ feedbackId: row.id, status, updatedAt: now, updatedBy: actor.id })))
			.onConflictDoUpdate({ target: feedbackStatus.feedbackId, set: { status, updatedAt: now, updatedBy: actor.id } });
		await recordAudit(tx, actor, 'feedback.status', `${before.length} answers`, Object.fromEntries(before.map((r) => [r.id, r.status])), {
			status
		});
		return before.length;
	});
}

/** Per guide: how many readers said yes and no, from the counts kept with each vote (src/lib/server/feedback.ts). */
export async function helpfulShares(db: Db) {
	return db
		.select({
			guide: feedbackCounts.guide,
			...yesNoVotes(feedbackCounts.votes, feedbackCounts.helpful)
		})
		.from(feedbackCounts)
		.groupBy(feedbackCounts.guide)
		.orderBy(feedbackCounts.guide);
}
