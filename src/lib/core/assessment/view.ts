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
