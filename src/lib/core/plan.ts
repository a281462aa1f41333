// The prevention plan a reader keeps on their device: which measures, and which of them
// they ticked off on each day (kept per day so the diary can chart it later).
// zod's small build: the plan page loads this in the browser, and full zod would double its JavaScript.
import * as z from 'zod/mini';
import { ID_PATTERN } from './content/id';
import { LANGS } from './content/lang';
import { URGENCY_LEVELS } from './content/urgency';

const day = z.iso.date();
const id = z.string().check(z.regex(ID_PATTERN));
const answer = z.string().check(z.maxLength(100));

/** The self-check's answers as its form sends them, so the plan can show the result that made it. */
export const planAnswersSchema = z.strictObject({
	situation: z.optional(answer),
	ageGroup: z.optional(answer),
	durationMinutes: z.optional(answer),
	perWeek: z.optional(answer),
	factors: z.array(answer).check(z.maxLength(50)),
	signs: z.array(answer).check(z.maxLength(50)),
	/** Question groups answered "None of these" or "Not sure" (absent on plans from the one-page check). */
	none: z.optional(z.array(answer).check(z.maxLength(50))),
	unsure: z.optional(z.array(answer).check(z.maxLength(50)))
});
export type PlanAnswers = z.infer<typeof planAnswersSchema>;

/** The result's answer (its most urgent card), so the plan never hides "see your GP" behind the exercises. */
export const planAdviceSchema = z.strictObject({
	level: z.enum(URGENCY_LEVELS),
	/** The card is headed "Watch closely" (clot risk): the plan shows it too. */
	watch: z.optional(z.boolean()),
	title: z.string().check(z.maxLength(300))
});
export type PlanAdvice = z.infer<typeof planAdviceSchema>;

const planFields = {
	lang: z.enum(LANGS),
	createdOn: day,
	measures: z.array(id).check(z.minLength(1), z.maxLength(50)),
	/** The self-check asked for a doctor first (e.g. varicose veins). */
	doctorFirst: z.boolean(),
	/** Day → the measures done that day. */
	ticks: z.record(day, z.array(id))
};
/** Version 1 (before the plan remembered the answers that made it). */
const planV1Schema = z.strictObject({ version: z.literal(1), ...planFields });

export const planSchema = z.strictObject({
	version: z.literal(2),
	...planFields,
	/** The answers that made the plan; absent on plans migrated from version 1. */
	answers: z.optional(planAnswersSchema),
	advice: z.optional(planAdviceSchema)
});
export type Plan = z.infer<typeof planSchema>;

/** What the device holds: no plan, a plan (older versions migrated forward), or a record that
 *  fails every schema, kept as it is so the reader can download it. */
export type StoredPlan = { kind: 'none' } | { kind: 'plan'; plan: Plan } | { kind: 'damaged'; record: unknown };

export function readStoredPlan(record: unknown): StoredPlan {
	if (record === undefined) return { kind: 'none' };
	const current = planSchema.safeParse(record);
	if (current.success) return { kind: 'plan', plan: current.data };
	const v1 = planV1Schema.safeParse(record);
	if (v1.success) return { kind: 'plan', plan: { ...v1.data, version: 2 } };
	return { kind: 'damaged', record };
}

/** The reader's local calendar day, as the plan stores it. */
export const localDay = (date: Date): string =>
	`${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export function newPlan(
	measures: string[],
	lang: Plan['lang'],
	today: string,
	doctorFirst: boolean,
	answers?: PlanAnswers,
	advice?: PlanAdvice
): Plan {
	return planSchema.parse({
		version: 2,
		lang,
		createdOn: today,
		measures: [...new Set(measures)],
		doctorFirst,
		ticks: {},
		...(answers && { answers }),
		...(advice && { advice })
	});
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

/** Done counts for up to `days` days up to today, oldest first; none from before the plan was made. */
export function recentDays(plan: Plan, today: string, days = 7): { day: string; done: number; total: number }[] {
	const end = new Date(`${today}T12:00:00Z`);
	return Array.from({ length: days }, (_, i) => new Date(end.getTime() - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10))
		.filter((d) => d >= plan.createdOn)
		.map((d) => ({ day: d, done: (plan.ticks[d] ?? []).filter((m) => plan.measures.includes(m)).length, total: plan.measures.length }));
}
