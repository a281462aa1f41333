// The self-check as the server runs it: the engine over the bundled content library,
// plus what the page needs around it (cards and evidence notes rendered to HTML).
import type { CheckAnswers } from '../core/assessment/address';
import { answerOf, type CheckAnswer } from '../core/assessment/answer';
import { assess, type Assessment } from '../core/assessment/engine';
import type { AssessmentInput } from '../core/assessment/input';
import { assessmentView, resultCards, type AssessmentPage, type CheckChoices, type ResultViews } from '../core/assessment/view';
import type { Library } from '../core/content/library';
import { AGE_GROUPS, FACTORS, SIGN_GROUPS, SIGNS, SITUATIONS, type Answer, type Lang } from '../core/content/schema';
import { anchorOf, careView, measureView, type CareView, type MeasureView } from '../core/content/view';
import { library } from './content';
import { renderInline, renderMarkdown } from './markdown';

export const assessment = (input: AssessmentInput): Assessment => assess(library, input);

/** The API's answer: the engine's result and, per card, its text as Markdown (heading, now, action, the call with the numbers). */
export function assessmentAnswer(input: AssessmentInput): Assessment & { cards: CareView[] } {
	const result = assessment(input);
	return { ...result, cards: resultCards(library, result, (markdown) => markdown) };
}

/** The form's choices in the reader's language, in the order the API lists them. */
export function checkForm(lang: Lang): CheckChoices {
	const choices = (map: Map<string, Answer>, ids: readonly string[]) =>
		ids.map((id) => {
			const { label, askWhen } = map.get(id)!;
			return { id, label: label[lang], ...(askWhen && { askWhen }) };
		});
	return {
		situations: choices(library.situations, SITUATIONS),
		factors: choices(library.factors, FACTORS),
		ages: choices(library.ages, AGE_GROUPS),
		signs: SIGN_GROUPS.map((group) => ({
			group,
			choices: choices(
				library.signs,
				SIGNS.filter((id) => library.signs.get(id)!.group === group)
			)
		}))
	};
}

export const assessmentPage = (input: AssessmentInput): AssessmentPage => assessmentView(assessment(input), resultViews(input.lang));

/** The result page's answer to the answers in its address, as the page itself would find it offline. */
export const checkAnswer = (answers: CheckAnswers, lang: Lang): CheckAnswer =>
	answerOf(answers, checkForm(lang), lang, library, resultViews(lang));

/** The library the engine reads, for a page that runs it in the browser: the guides (most of the weight) and experts dropped. */
export const engineLibrary = (): Library => ({ ...library, guides: [], experts: new Map() });

/** Everything the result page needs to run the engine itself (offline too): the rules, and every view rendered. */
export const resultBundle = (lang: Lang): { library: Library; views: ResultViews } => ({
	library: engineLibrary(),
	views: resultViews(lang)
});

const views = new Map<Lang, ResultViews>();
/** Every card, exercise, measure and "if it gets worse" sentence rendered once per language (the result page's and the diary's). */
export function resultViews(lang: Lang): ResultViews {
	const cached = views.get(lang);
	if (cached) return cached;
	const map = <T, V>(m: Map<string, T>, f: (item: T, id: string) => V) => Object.fromEntries([...m].map(([id, item]) => [id, f(item, id)]));
	const inline = [...library.rules.values()].flatMap((r) => (r.ifWorse ? [r.ifWorse.text[lang]] : []));
	const built: ResultViews = {
		cards: map(library.care, (c) => careView(c, lang, renderMarkdown)),
		exercises: map(library.exercises, (e, id) => ({ title: e.title[lang], anchor: anchorOf.exercise(id) })),
		measures: map(library.measures, (m) => measureView(m, lang, renderMarkdown)),
		inline: Object.fromEntries(inline.map((text) => [text, renderInline(text)]))
	};
	views.set(lang, built);
	return built;
}

/** Every prevention measure, for the plan page to show whichever the reader saved. */
export const allMeasures = (lang: Lang): MeasureView[] => [...library.measures.values()].map((m) => measureView(m, lang, renderMarkdown));
