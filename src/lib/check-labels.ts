// The self-check's questions and answers in words: one place for the question pages and the
// check-your-answers page, so a question never reads one way on one and another on the other.
import { NOT_SURE } from '$lib/core/assessment/form';
import type { Question } from '$lib/core/assessment/questions';
import type { CheckChoices } from '$lib/core/assessment/view';
import type { Lang } from '$lib/core/content/schema';
import { t, type MessageKey } from '$lib/i18n';

type One = (Question & { kind: 'one' })['field'];
/** The messages of "how long" predate the question pages and keep their short name. */
const prefix = (field: One) => (field === 'durationMinutes' ? 'duration' : field);

export const questionTitle = (lang: Lang, q: Question) =>
	t(
		lang,
		(q.kind === 'one'
			? `check.${prefix(q.field)}.legend`
			: q.field === 'signs'
				? `check.signs.question.${q.group}`
				: 'check.factors.legend') as MessageKey
	);

export const questionShort = (lang: Lang, q: Question) =>
	t(
		lang,
		(q.kind === 'one'
			? `check.${prefix(q.field)}.short`
			: q.field === 'signs'
				? `check.signs.group.${q.group}`
				: 'check.factors.short') as MessageKey
	);

export const questionHint = (lang: Lang, q: Question) =>
	q.kind === 'some' ? t(lang, `check.${q.field}.hint`) : q.field === 'durationMinutes' ? t(lang, 'check.duration.hint') : undefined;

export function answerLabel(lang: Lang, field: One, id: string, choices: CheckChoices): string {
	if (id === NOT_SURE) return t(lang, 'check.unsure');
	if (field === 'situation') return choices.situations.find((s) => s.id === id)?.label ?? id;
	if (field === 'ageGroup') return choices.ages.find((s) => s.id === id)?.label ?? id;
	return t(lang, `check.${prefix(field)}.${id}` as MessageKey);
}
