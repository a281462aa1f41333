// The result page's answer from the answers in its address: the first question still open, or
// the engine's answer with its views. One function for both sides: the server runs it whenever
// the answers reach it, the page only offline (the service worker's copy carries the engine's data).
import type { Library } from '../content/library';
import type { Lang } from '../content/schema';
import type { CheckAnswers } from './address';
import { assess } from './engine';
import { checkInput, firstUnanswered } from './questions';
import { assessmentView, type AssessmentPage, type CheckChoices, type ResultViews } from './view';

export type CheckAnswer = { kind: 'answer'; page: AssessmentPage } | { kind: 'missing'; question: string | undefined };

export function answerOf(answers: CheckAnswers, choices: CheckChoices, lang: Lang, library: Library, views: ResultViews): CheckAnswer {
	const missing = firstUnanswered(answers, choices);
	if (missing) return { kind: 'missing', question: missing.id };
	const parsed = checkInput(answers, choices, lang);
	// every question answered but a value the schema refuses (an edited address): start again
	return parsed.success
		? { kind: 'answer', page: assessmentView(assess(library, parsed.data), views) }
		: { kind: 'missing', question: undefined };
}
