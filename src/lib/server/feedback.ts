// Stores and counts reader feedback. Guide slugs are checked by the caller against the content.
import { count, eq } from 'drizzle-orm';
import type { FeedbackInput, FeedbackSummary } from '../core/feedback';
import type { Db } from './db';
import { feedback } from './db/schema';

export async function recordFeedback(db: Db, guide: string, input: FeedbackInput): Promise<{ id: string }> {
	const [row] = await db
		.insert(feedback)
		.values({ guide, lang: input.lang, helpful: input.helpful, comment: input.comment || null })
		.returning({ id: feedback.id });
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
