// What the self-check page shows: the engine's result with the cards, exercises and
// measures resolved (markdown already rendered by the server).
import type { Library } from '../content/library';
import { careView, get, type CareView, type MeasureView } from '../content/view';
import type { Assessment } from './engine';

/** `askWhen`: ask it only with one of these situations or factors (content/signs), as the engine's safety net does. */
export type Choice = { id: string; label: string; askWhen?: { situations: string[]; factors: string[] } };
/** Signs come in groups (in the leg, after an injury, elsewhere in the body) so a short page still asks them all. */
export type CheckChoices = { situations: Choice[]; factors: Choice[]; signs: { group: string; choices: Choice[] }[] };

/** `ifWorse` text rendered to inline HTML (it may hold tel: links). */
export type AssessmentPage = Assessment & {
	cards: CareView[];
	exercises: { id: string; title: string; anchor: string }[];
	measures: MeasureView[];
};

/**
 * The result's cards with their text in its language: heading, what to do now, what to do,
 * and the call sentence with the numbers. The API sends them as Markdown, so an integrator
 * can show the answer without a second copy of our content; the page renders them to HTML.
 */
export const resultCards = (lib: Library, result: Pick<Assessment, 'care' | 'lang'>, render: (markdown: string) => string): CareView[] =>
	result.care.map((id) => careView(get(lib.care, id), result.lang, render));
