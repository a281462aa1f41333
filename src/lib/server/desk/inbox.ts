// The feedback inbox: "not helpful" answers newest first, filtered, searched (PostgreSQL
// full-text search with the language-neutral 'simple' configuration, which PGlite has
// too), paged by a keyset cursor so page 1000 costs what page 1 does.
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { langSchema } from '../../core/content/schema';
import { csvRow } from '../../core/desk/csv';
import type { Db } from '../db';
import { feedbackStatus } from '../db/desk-schema';
import { feedback } from '../db/schema';
import { recordAudit, type Actor } from './audit';

export const STATUSES = ['new', 'read', 'acted', 'spam'] as const;
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

/** The filter from a query string; unknown parameters are ignored. */
export const parseInboxFilter = (params: URLSearchParams) => inboxFilterSchema.safeParse(Object.fromEntries(params));

export type InboxItem = {
	id: string;
	guide: string;
	lang: string;
	comment: string | null;
	createdAt: Date;
	status: InboxStatus;
	cursor: string;
};

const statusExpr = sql<InboxStatus>`coalesce(${feedbackStatus.status}, 'new')`;

function conditions(filter: InboxFilter): SQL[] {
	const where: SQL[] = [eq(feedback.helpful, false)];
	if (filter.guide) where.push(eq(feedback.guide, filter.guide));
	if (filter.lang) where.push(eq(feedback.lang, filter.lang));
	if (filter.from) where.push(gte(feedback.createdAt, new Date(`${filter.from}T00:00:00Z`)));
	if (filter.to) where.push(lt(feedback.createdAt, new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000)));
	// The same expression as the GIN index in the migration, so the index answers it.
	if (filter.q) where.push(sql`to_tsvector('simple', coalesce(${feedback.comment}, '')) @@ plainto_tsquery('simple', ${filter.q})`);
	// An anti-join, not "status is null or …" on the outer join: that form makes PostgreSQL sort every matching row.
	if (filter.status === 'new')
		where.push(
			sql`not exists (select 1 from ${feedbackStatus} as marked where marked.feedback_id = ${feedback.id} and marked.status <> 'new')`
		);
	else if (filter.status) where.push(eq(feedbackStatus.status, filter.status));
	return where;
}

async function page(db: Db, filter: InboxFilter, limit: number): Promise<InboxItem[]> {
	const where = conditions(filter);
	if (filter.after) {
		const [at, id] = filter.after.split('|');
		where.push(sql`(${feedback.createdAt}, ${feedback.id}) < (${at}::timestamptz, ${id}::uuid)`);
	}
	return db
		.select({
			id: feedback.id,
			guide: feedback.guide,
			lang: feedback.lang,
			comment: feedback.comment,
			createdAt: feedback.createdAt,
			status: statusExpr,
			// Full microsecond precision, so the next page starts exactly after this row.
			cursor: sql<string>`${feedback.createdAt}::text || '|' || ${feedback.id}::text`
		})
		.from(feedback)
		.leftJoin(feedbackStatus, eq(feedbackStatus.feedbackId, feedback.id))
		.where(and(...where))
		.orderBy(desc(feedback.createdAt), desc(feedback.id))
		.limit(limit);
}

/** One page of the inbox and the cursor of the next, if there is one. */
export async function inboxPage(db: Db, filter: InboxFilter): Promise<{ items: InboxItem[]; next?: string }> {
	const rows = await page(db, filter, PAGE_SIZE + 1);
	const items = rows.slice(0, PAGE_SIZE);
	return { items, next: rows.length > PAGE_SIZE ? items.at(-1)!.cursor : undefined };
}

/** The whole filter as CSV, read in batches so a large export never sits in memory. */
export function inboxCsv(db: Db, filter: InboxFilter): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let after = filter.after;
	let started = false;
	return new ReadableStream({
		async pull(controller) {
			if (!started) {
				started = true;
				controller.enqueue(encoder.encode(csvRow(['created_at', 'guide', 'lang', 'status', 'comment'])));
			}
			const rows = await page(db, { ...filter, after }, 1000);
			controller.enqueue(
				encoder.encode(rows.map((r) => csvRow([r.createdAt.toISOString(), r.guide, r.lang, r.status, r.comment])).join(''))
			);
			if (rows.length < 1000) controller.close();
			else after = rows.at(-1)!.cursor;
		}
	});
}

/** Sets the status of many answers at once; one audit row names them all with their previous status. */
export async function setStatus(db: Db, ids: string[], status: InboxStatus, actor: Actor): Promise<number> {
	if (!ids.length) return 0;
	const before = await db
		.select({ id: feedback.id, status: statusExpr })
		.from(feedback)
		.leftJoin(feedbackStatus, eq(feedbackStatus.feedbackId, feedback.id))
		.where(and(inArray(feedback.id, ids), eq(feedback.helpful, false)));
	if (!before.length) return 0;
	const now = new Date();
	await db
		.insert(feedbackStatus)
		.values(before.map((row) => ({ feedbackId: row.id, status, updatedAt: now, updatedBy: actor.id })))
		.onConflictDoUpdate({ target: feedbackStatus.feedbackId, set: { status, updatedAt: now, updatedBy: actor.id } });
	await recordAudit(db, actor, 'feedback.status', `${before.length} answers`, Object.fromEntries(before.map((r) => [r.id, r.status])), {
		status
	});
	return before.length;
}

export type GuideShare = { guide: string; yes: number; no: number };

/** Per guide: how many readers said yes and no. */
export async function helpfulShares(db: Db): Promise<GuideShare[]> {
	return db
		.select({
			guide: feedback.guide,
			yes: sql<number>`(count(*) filter (where ${feedback.helpful}))::int`,
			no: sql<number>`(count(*) filter (where not ${feedback.helpful}))::int`
		})
		.from(feedback)
		.groupBy(feedback.guide)
		.orderBy(feedback.guide);
}

/** How many answers are new, for the desk home. */
export async function newCount(db: Db): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(feedback)
		.leftJoin(feedbackStatus, eq(feedbackStatus.feedbackId, feedback.id))
		.where(and(...conditions({ status: 'new' })));
	return row.n;
}
