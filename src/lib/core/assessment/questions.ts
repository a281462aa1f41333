// The self-check as GOV.UK question pages: one question a page, the answers so far carried in
// the URL (so a back link, a reload, JavaScript off or no signal never lose them), a page to
// check the answers, then the result. Which questions there are, and when each applies, is data.
import { SIGN_GROUPS, type Lang } from '../content/schema';
import { isAsked } from './engine';
import { assessmentFromForm, DURATION_CHOICES, NOT_SURE, PER_WEEK_CHOICES } from './form';
import { answersFrom, hrefOf, searchOf, type CheckAnswers } from './address';
import type { CheckChoices, Choice } from './view';

export { answersFrom, hrefOf, searchOf, type CheckAnswers };

/** "None of these": an answer of its own, so leaving a group blank is never taken for "no". */
export const NONE = 'none';

type One = 'situation' | 'durationMinutes' | 'perWeek' | 'ageGroup';
/** `showWhen`: the question applies only after one of these answers to an earlier one. */
type Condition = { field: One; anyOf: readonly string[] };
export type Question =
	| { id: string; kind: 'one'; field: One; showWhen?: Condition }
	| { id: string; kind: 'some'; field: 'signs' | 'factors'; group: string; unsure: boolean; showWhen?: Condition };

/**
 * What happened, what came before, then the warning signs and the age group. What came before
 * is asked before the signs because some signs apply only after it (content's `askWhen`: the
 * heat signs with sport, walking or heat, the cast sign after an injury or in a cast).
 */
export const QUESTIONS: readonly Question[] = [
	{ id: 'situation', kind: 'one', field: 'situation' },
	{ id: 'duration', kind: 'one', field: 'durationMinutes' },
	{ id: 'frequency', kind: 'one', field: 'perWeek' },
	{ id: 'factors', kind: 'some', field: 'factors', group: 'factors', unsure: false },
	...SIGN_GROUPS.map((group): Question => ({ id: `signs-${group}`, kind: 'some', field: 'signs', group, unsure: true })),
	{ id: 'age', kind: 'one', field: 'ageGroup' }
];

export const questionById = (id: string) => QUESTIONS.find((q) => q.id === id);

/** The questions that apply to these answers, in order. */
export const questionsFor = (answers: CheckAnswers) =>
	QUESTIONS.filter((q) => !q.showWhen || q.showWhen.anyOf.includes(answers[q.showWhen.field] ?? ''));

/** A list question's own ids among the answers (a sign group's signs, the factors). */
export function idsOf(question: Question & { kind: 'some' }, answers: CheckAnswers, choices: CheckChoices): string[] {
	const own = new Set(optionsOf(question, choices).map((c) => c.id));
	return answers[question.field].filter((id) => own.has(id));
}

export function optionsOf(question: Question & { kind: 'some' }, choices: CheckChoices): Choice[] {
	return question.field === 'factors' ? choices.factors : (choices.signs.find((s) => s.group === question.group)?.choices ?? []);
}

/** Whether a choice applies to these answers, as the engine's safety net decides (its `askWhen`). */
const applies = (c: Choice, a: CheckAnswers) => isAsked(c, { factors: a.factors, episode: { situation: a.situation } });

/** The choices a page shows: those that apply, and any already ticked (a changed answer never hides a reported sign). */
export const shownOptionsOf = (question: Question & { kind: 'some' }, answers: CheckAnswers, choices: CheckChoices): Choice[] =>
	optionsOf(question, choices).filter((c) => applies(c, answers) || answers[question.field].includes(c.id));

export const isAnswered = (q: Question, a: CheckAnswers, choices: CheckChoices) =>
	q.kind === 'one' ? a[q.field] !== undefined : a.none.includes(q.group) || a.unsure.includes(q.group) || idsOf(q, a, choices).length > 0;

export const firstUnanswered = (a: CheckAnswers, choices: CheckChoices) => questionsFor(a).find((q) => !isAnswered(q, a, choices));

/** The choices of a one-answer question; the labels' message keys are the caller's. */
export function oneChoices(field: One, choices: CheckChoices): string[] {
	if (field === 'situation') return choices.situations.map((s) => s.id);
	if (field === 'ageGroup') return choices.ages.map((a) => a.id);
	return [...(field === 'durationMinutes' ? DURATION_CHOICES : PER_WEEK_CHOICES).map(String), NOT_SURE];
}

export type StepError = 'choose' | 'noneAndSigns' | 'unsureAndSigns' | 'noneAndUnsure';

/**
 * One question answered: the posted values replace that question's earlier answer. The other
 * answers come from the URL. An unknown value is refused here too (the result's schema checks again).
 */
export function answerQuestion(
	q: Question,
	before: CheckAnswers,
	posted: string[],
	choices: CheckChoices
): { ok: true; answers: CheckAnswers } | { ok: false; error: StepError } {
	if (q.kind === 'one') {
		const value = posted[0];
		if (posted.length !== 1 || !oneChoices(q.field, choices).includes(value)) return { ok: false, error: 'choose' };
		return { ok: true, answers: { ...before, [q.field]: value } };
	}
	const own = new Set(optionsOf(q, choices).map((c) => c.id));
	const ids = posted.filter((v) => own.has(v));
	const none = posted.includes(NONE);
	const unsure = q.unsure && posted.includes(NOT_SURE);
	if (none && ids.length) return { ok: false, error: 'noneAndSigns' };
	if (unsure && ids.length) return { ok: false, error: 'unsureAndSigns' };
	if (none && unsure) return { ok: false, error: 'noneAndUnsure' };
	if (!none && !unsure && !ids.length) return { ok: false, error: 'choose' };
	const without = (list: string[]) => list.filter((v) => v !== q.group);
	return {
		ok: true,
		answers: {
			...before,
			[q.field]: [...before[q.field].filter((v) => !own.has(v)), ...ids],
			none: none ? [...without(before.none), q.group] : without(before.none),
			unsure: unsure ? [...without(before.unsure), q.group] : without(before.unsure)
		}
	};
}

/** Where to go after answering `q`: the next unanswered question when changing, else the next one, else the check page. */
export function nextAfter(q: Question, answers: CheckAnswers, choices: CheckChoices, changing: boolean): string {
	const list = questionsFor(answers);
	if (changing) return firstUnanswered(answers, choices)?.id ?? 'answers';
	// by id: the page's question is a copy that came through its data, not this list's object
	return list[list.findIndex((x) => x.id === q.id) + 1]?.id ?? 'answers';
}

/** The question before `q` that applies, or undefined for the first. */
export function previousOf(q: Question, answers: CheckAnswers): Question | undefined {
	const list = questionsFor(answers);
	return list[list.findIndex((x) => x.id === q.id) - 1];
}

/**
 * The engine's input. "Not sure" about a sign group counts as every sign in it that applies (the safe
 * reading: a sign nobody could rule out is a sign); the result says so.
 */
export function checkInput(answers: CheckAnswers, choices: CheckChoices, lang: Lang) {
	// the signs the reader was shown: a night cramp's "Not sure" is not a heatstroke
	const unsureSigns = choices.signs
		.filter((s) => answers.unsure.includes(s.group))
		.flatMap((s) => s.choices.filter((c) => applies(c, answers)).map((c) => c.id));
	const query = new URLSearchParams(searchOf({ ...answers, signs: [...new Set([...answers.signs, ...unsureSigns])] }));
	return assessmentFromForm(query, lang).parsed;
}

/** A question page posted: where to go next, or what is wrong. The same on the server (JS off) and in the page. */
export function stepFrom(
	q: Question,
	query: URLSearchParams,
	posted: string[],
	choices: CheckChoices,
	lang: Lang
): { ok: true; href: string } | { ok: false; error: StepError } {
	const answered = answerQuestion(q, answersFrom(query), posted, choices);
	if (!answered.ok) return answered;
	const changing = query.has('change');
	return { ok: true, href: hrefOf(lang, nextAfter(q, answered.answers, choices, changing), answered.answers, changing) };
}
