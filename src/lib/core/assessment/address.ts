// The self-check's answers in a URL: apart from questions.ts so a page that only links to a
// result (the plan) does not load the schema, and with it full zod.
import type { Lang } from '../content/lang';

/** The answers so far. A list question's group is answered by its ids, by `none` or by `unsure`. */
export type CheckAnswers = {
	situation?: string;
	durationMinutes?: string;
	perWeek?: string;
	ageGroup?: string;
	signs: string[];
	factors: string[];
	/** Groups (sign groups, `factors`) answered "None of these". */
	none: string[];
	/** Sign groups answered "Not sure": the result treats them as if the signs were there. */
	unsure: string[];
};

const LIST_KEYS = ['signs', 'factors', 'none', 'unsure'] as const;
const ONE_KEYS = ['situation', 'durationMinutes', 'perWeek', 'ageGroup'] as const;

/** Answers from the URL's query (or a posted form, which carries the same names). */
export function answersFrom(params: { get(name: string): unknown; getAll(name: string): unknown[] }): CheckAnswers {
	const answers: CheckAnswers = { signs: [], factors: [], none: [], unsure: [] };
	for (const key of ONE_KEYS) {
		const v = params.get(key);
		if (typeof v === 'string' && v !== '') answers[key] = v;
	}
	for (const key of LIST_KEYS) answers[key] = [...new Set(params.getAll(key).filter((v): v is string => typeof v === 'string'))];
	return answers;
}

/** The query string that carries the answers, in a stable order. */
export function searchOf(answers: CheckAnswers): string {
	const params = new URLSearchParams();
	for (const key of ONE_KEYS) if (answers[key] !== undefined) params.set(key, answers[key]);
	for (const key of LIST_KEYS) for (const v of answers[key]) params.append(key, v);
	const s = params.toString();
	return s ? `?${s}` : '';
}

/** A question page's address with the answers so far; `changing`: the reader came from the check page. */
export const hrefOf = (lang: Lang, step: string, answers: CheckAnswers, changing = false) => {
	const search = searchOf(answers);
	const change = changing && step !== 'answers' ? `${search ? '&' : '?'}change=1` : '';
	return `/${lang}/check/${step}${search}${change}`;
};
