// The self-check as a plain HTML form: radios and checkboxes, never sliders, each
// with "not sure". The form's answers become the API's input, checked by the same schema.
import type { z } from 'zod';
import type { Lang } from '../content/schema';
import type { PlanAnswers } from '../plan';
import { assessmentInputSchema } from './input';

export const NOT_SURE = 'unsure';
/** Each choice stands for the longest time in its band, so a threshold is never missed. */
export const DURATION_CHOICES = [1, 5, 10, 15, 20, 30] as const;
/** "3–6 times" counts as 3: the lowest value that the band guarantees. */
export const PER_WEEK_CHOICES = [0, 1, 2, 3, 7] as const;

/** The fields the form shows, in order, for the error summary's links. */
export const FORM_FIELDS = ['situation', 'ageGroup', 'durationMinutes', 'perWeek', 'factors', 'signs'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

const number = (value: FormDataEntryValue | null) =>
	value === null ? undefined : value === NOT_SURE ? null : /^\d+(\.\d+)?$/.test(String(value)) ? Number(value) : String(value);

/** The form's answers as given: the plan keeps them in this shape, so its schema is the one source. */
export type FormAnswers = Omit<PlanAnswers, 'none' | 'unsure'>;

/** A posted form, or the question pages' query string: the same names either way. */
export function assessmentFromForm(form: Pick<FormData, 'get' | 'getAll'> | URLSearchParams, lang: Lang) {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : undefined;
	};
	const answers: FormAnswers = {
		situation: text('situation'),
		ageGroup: text('ageGroup'),
		durationMinutes: text('durationMinutes'),
		perWeek: text('perWeek'),
		factors: form.getAll('factors').map(String),
		signs: form.getAll('signs').map(String)
	};
	const parsed = assessmentInputSchema.safeParse({
		lang,
		episode: { durationMinutes: number(form.get('durationMinutes')), perWeek: number(form.get('perWeek')), situation: answers.situation },
		factors: answers.factors,
		signs: answers.signs,
		// not answered: the schema's default (adult), as for the API
		...(answers.ageGroup !== undefined && { ageGroup: answers.ageGroup })
	});
	return { parsed, answers, errors: parsed.success ? [] : formErrors(parsed.error) };
}

/** One error per form field, in the order the fields appear. */
function formErrors(error: z.ZodError): FormField[] {
	const fields = new Set(error.issues.map((i) => String(i.path[0] === 'episode' ? i.path[1] : i.path[0])));
	return FORM_FIELDS.filter((f) => fields.has(f));
}
