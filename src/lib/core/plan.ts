// The prevention plan a reader keeps on their device: which measures, and which of them
// they ticked off on each day (kept per day so the diary can chart it later).
import { z } from 'zod';
import { idSchema, langSchema } from './content/schema';

const day = z.iso.date();

export const planSchema = z.strictObject({
	version: z.literal(1),
	lang: langSchema,
	createdOn: day,
	measures: z.array(idSchema).min(1).max(50),
	/** The self-check asked for a doctor first (e.g. varicose veins). */
	doctorFirst: z.boolean(),
	/** Day → the measures done that day. */
	ticks: z.record(day, z.array(idSchema))
});
export type Plan = z.infer<typeof planSchema>;

/** The reader's local calendar day, as the plan stores it. */
export const localDay = (date: Date): string =>
	`${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export function newPlan(measures: string[], lang: Plan['lang'], today: string, doctorFirst: boolean): Plan {
	return planSchema.parse({ version: 1, lang, createdOn: today, measures: [...new Set(measures)], doctorFirst, ticks: {} });
}

export const isDone = (plan: Plan, today: string, measure: string): boolean => plan.ticks[today]?.includes(measure) ?? false;

/** Ticks or unticks one measure on one day; a new plan object, the old one untouched. */
export function toggle(plan: Plan, today: string, measure: string): Plan {
	if (!plan.measures.includes(measure)) return plan;
	const done = plan.ticks[today] ?? [];
	const next = done.includes(measure) ? done.filter((m) => m !== measure) : [...done, measure];
	const ticks = { ...plan.ticks, [today]: next };
	if (!next.length) delete ticks[today];
	return { ...plan, ticks };
}

/** Done counts for the `days` days up to today, oldest first. */
export function recentDays(plan: Plan, today: string, days = 7): { day: string; done: number; total: number }[] {
	const end = new Date(`${today}T12:00:00Z`);
	return Array.from({ length: days }, (_, i) => {
		const d = new Date(end.getTime() - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
		return { day: d, done: (plan.ticks[d] ?? []).filter((m) => plan.measures.includes(m)).length, total: plan.measures.length };
	});
}
