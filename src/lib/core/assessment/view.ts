// What the self-check page shows: the engine's result with the cards, exercises and
// measures resolved (markdown already rendered by the server).
import type { Library } from '../content/library';
import { get } from '../content/id';
import { careView, type CareView, type MeasureView } from '../content/view';
import type { Assessment } from './engine';

/** `askWhen`: ask it only with one of these situations or factors (content/signs), as the engine's safety net does. */
export type Choice = { id: string; label: string; askWhen?: { situations: string[]; factors: string[] } };
/** Signs come in groups (in the leg, after an injury, elsewhere in the body) so a short page still asks them all. */
/** `ages`: the age groups (content/ages), asked last. */
export type CheckChoices = { situations: Choice[]; factors: Choice[]; signs: { group: string; choices: Choice[] }[]; ages: Choice[] };

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

/** Every card, exercise title, measure and safety-net sentence a result can show, rendered once per language. */
export type ResultViews = {
	cards: Record<string, CareView>;
	exercises: Record<string, { title: string; anchor: string }>;
	measures: Record<string, MeasureView>;
	/** A safety-net sentence's Markdown → its inline HTML. */
	inline: Record<string, string>;
};

/** The engine's answer with its views looked up: the same on the server and, offline, in the page. */
export const assessmentView = (result: Assessment, views: ResultViews): AssessmentPage => ({
	...result,
	ifWorse: result.ifWorse.map((w) => ({ ...w, text: views.inline[w.text] ?? w.text })),
	cards: result.care.map((id) => views.cards[id]),
	exercises: result.firstAid.map((id) => ({ id, ...views.exercises[id] })),
	measures: result.prevention.map((p) => views.measures[p.id])
});
