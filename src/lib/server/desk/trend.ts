// The desk's weekly chart: yes and no answers per guide and week, read from the weekly
// counts the database keeps (feedbackWeekly), a few hundred rows however many votes there are.
import { and, gte, eq, type SQL } from 'drizzle-orm';
import type { Lang } from '../../core/content/schema';
import { weekStarts } from '../../core/diary/stats';
import { fillTrends, TREND_WEEKS, type GuideTrend } from '../../core/desk/trend';
import type { Db } from '../db';
import { feedbackWeekly } from '../db/schema';
import { yesNoVotes } from './votes';

/** Per guide in `guides`, its answers in each of the last TREND_WEEKS UTC weeks, in one language or both. */
export async function weeklyTrends(db: Db, guides: string[], options: { lang?: Lang; now?: Date } = {}): Promise<GuideTrend[]> {
	const today = (options.now ?? new Date()).toISOString().slice(0, 10);
	const where: SQL[] = [gte(feedbackWeekly.week, weekStarts(today, TREND_WEEKS)[0])];
	if (options.lang) where.push(eq(feedbackWeekly.lang, options.lang));
	const counts = await db
		.select({
			guide: feedbackWeekly.guide,
			week: feedbackWeekly.week,
			...yesNoVotes(feedbackWeekly.votes, feedbackWeekly.helpful)
		})
		.from(feedbackWeekly)
		.where(and(...where))
		.groupBy(feedbackWeekly.guide, feedbackWeekly.week);
	return fillTrends(counts, guides, today);
}
