// The self-check as the server runs it: the engine over the bundled content library,
// plus what the page needs around it (cards and evidence notes rendered to HTML).
import { assess, type Assessment } from '../core/assessment/engine';
import type { AssessmentInput } from '../core/assessment/input';
import { resultCards, type AssessmentPage, type CheckChoices } from '../core/assessment/view';
import { FACTORS, SIGN_GROUPS, SIGNS, SITUATIONS, type Answer, type Lang } from '../core/content/schema';
import { anchorOf, measureView, type CareView, type MeasureView } from '../core/content/view';
import { library } from './content';
import { renderMarkdown } from './markdown';

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
		signs: SIGN_GROUPS.map((group) => ({
			group,
			choices: choices(
				library.signs,
				SIGNS.filter((id) => library.signs.get(id)!.group === group)
			)
		}))
	};
}

export function assessmentPage(input: AssessmentInput): AssessmentPage {
	const result = assessment(input);
	const lang = input.lang;
	return {
		...result,
		ifWorse: result.ifWorse.map((w) => ({ ...w, text: renderInline(w.text) })),
		cards: resultCards(library, result, renderMarkdown),
		exercises: result.firstAid.map((id) => ({ id, title: library.exercises.get(id)!.title[lang], anchor: anchorOf.exercise(id) })),
		measures: result.prevention.map((p) => measureView(library.measures.get(p.id)!, lang, renderMarkdown))
	};
}

/** One Markdown sentence as inline HTML: the paragraph around it dropped. */
export const renderInline = (markdown: string) => renderMarkdown(markdown).replace(/^<p>|<\/p>\s*$/g, '');

/** Every prevention measure, for the plan page to show whichever the reader saved. */
export const allMeasures = (lang: Lang): MeasureView[] => [...library.measures.values()].map((m) => measureView(m, lang, renderMarkdown));
