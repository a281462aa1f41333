// What the self-check page shows: the engine's result with the cards, exercises and
// measures resolved (markdown already rendered by the server).
import type { CareView, MeasureView } from '../content/view';
import type { Assessment } from './engine';

export type Choice = { id: string; label: string };
export type CheckChoices = { situations: Choice[]; factors: Choice[]; signs: Choice[] };

export type AssessmentPage = Assessment & {
	cards: CareView[];
	exercises: { id: string; title: string; anchor: string }[];
	measures: MeasureView[];
};
