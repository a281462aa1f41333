// Yes and no answers per week for the desk's chart: the database returns only the weeks
// that had answers; the chart needs every week, so a quiet week shows as a zero, not a gap.
import { weekStarts } from '../diary/stats';

/** Weeks the chart shows, the current one included. */
export const TREND_WEEKS = 12;

export type WeekVotes = { start: string; yes: number; no: number };
export type GuideTrend = { guide: string; weeks: WeekVotes[] };
/** One guide's answers in one week (its Monday, UTC). */
export type WeekCount = { guide: string; week: string; yes: number; no: number };

/** Every guide in `guides`, each with every week of the window ending in the week of `today`, oldest first. */
export function fillTrends(counts: WeekCount[], guides: string[], today: string, weeks = TREND_WEEKS): GuideTrend[] {
	const starts = weekStarts(today, weeks);
	const found = new Map(counts.map((c) => [`${c.guide}|${c.week}`, c]));
	return guides.map((guide) => ({
		guide,
		weeks: starts.map((start) => {
			const c = found.get(`${guide}|${start}`);
			return { start, yes: c?.yes ?? 0, no: c?.no ?? 0 };
		})
	}));
}

/** Both answers over the window, for the chart's one-line summary. */
export const trendTotals = (weeks: WeekVotes[]): { yes: number; no: number } =>
	weeks.reduce((sum, w) => ({ yes: sum.yes + w.yes, no: sum.no + w.no }), { yes: 0, no: 0 });

/** The share of "yes" in whole percent; 0 when nobody answered. */
export const helpfulPercent = (yes: number, no: number): number => (yes + no ? Math.round((100 * yes) / (yes + no)) : 0);
