// What the self-check page shows: the engine's result with the cards, exercises and
// measures resolved (markdown already rendered by the server).
import type { CareView, MeasureView } from '../content/view';
import type { Assessment } from './engine';

export type Choice = { id: string; label: string };
/** Signs come in groups (in the leg, after an injury, elsewhere in the body) so a short page still asks them all. */
export type CheckChoices = { situations: Choice[]; factors: Choice[]; signs: { group: string; choices: Choice[] }[] };

/** `ifWorse` text rendered to inline HTML (it may hold tel: links). */
export type AssessmentPage = Assessment & {
	cards: CareView[];
	exercises: { id: string; title: string; anchor: string }[];
	measures: MeasureView[];
};

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
