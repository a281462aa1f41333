// What the first-aid page shows, in one language: the sign check, the places with
// their sequences, and the cards to fall back on. Markdown goes through `render`.
import type { Library } from '../content/library';
import type { Lang } from '../content/schema';
import { careView, exerciseView, get, type CareView, type ExerciseView } from '../content/view';

export type SignCheck = { sign: string; card: CareView };
export type SequenceView = { id: string; title: string; exercises: ExerciseView[] };
export type FirstAidView = {
	/** Emergency first: the signs that replace exercises with medical help. */
	checks: SignCheck[];
	sequences: SequenceView[];
	/** When first aid did not help: a cramp that will not ease may be more than a cramp. */
	afterCare: CareView[];
};

/** Pain that does not ease is a DVT sign; a cramp past 10 minutes needs a doctor today. */
const AFTER_CARE = ['urgent-dvt', 'urgent-long-cramp'];
const LEVEL_ORDER = ['emergency', 'urgent', 'see-doctor', 'self-care'];

export function firstAidView(lib: Library, lang: Lang, render: (md: string) => string): FirstAidView {
	const checks = [...lib.care.values()]
		.filter((c) => c.sign)
		.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level))
		.map((c) => ({ sign: c.sign![lang], card: careView(c, lang, render) }));
	return {
		checks,
		sequences: [...lib.sequences.values()].map((s) => ({
			id: s.id,
			title: s.title[lang],
			exercises: s.exercises.map((id) => exerciseView(get(lib.exercises, id), lang, render))
		})),
		afterCare: AFTER_CARE.map((id) => careView(get(lib.care, id), lang, render))
	};
}
