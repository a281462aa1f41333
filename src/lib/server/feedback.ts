// Stores and counts reader feedback. Guide slugs are checked by the caller against the content.
import { count, eq, sql } from 'drizzle-orm';
import type { FeedbackInput, FeedbackSummary } from '../core/feedback';
import type { Db } from './db';
import { feedback } from './db/schema';

// Votes are the one hot write: a named prepared statement per database skips building
// the query in Drizzle and planning it in PostgreSQL on every vote.
const prepareInsert = (db: Db) =>
	db
		.insert(feedback)
		.values({
			guide: sql.placeholder('guide'),
			lang: sql.placeholder('lang'),
			helpful: sql.placeholder('helpful'),
			comment: sql.placeholder('comment')
		})
		.returning({ id: feedback.id })
		.prepare('insert_feedback');
const inserts = new WeakMap<Db, ReturnType<typeof prepareInsert>>();

export async function recordFeedback(db: Db, guide: string, input: FeedbackInput): Promise<{ id: string }> {
	let insert = inserts.get(db);
	if (!insert) inserts.set(db, (insert = prepareInsert(db)));
	const [row] = await insert.execute({ guide, lang: input.lang, helpful: input.helpful, comment: input.comment || null });
	return row;
}

export async function feedbackSummary(db: Db, guide: string): Promise<FeedbackSummary> {
	const rows = await db
		.select({ helpful: feedback.helpful, n: count() })
		.from(feedback)
		.where(eq(feedback.guide, guide))
		.groupBy(feedback.helpful);
	return {
		yes: rows.find((r) => r.helpful)?.n ?? 0,
		no: rows.find((r) => !r.helpful)?.n ?? 0
	};
}
