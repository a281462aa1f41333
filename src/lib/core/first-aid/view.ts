// What the first-aid page shows, in one language: the sign check, the places with
// their sequences, and the cards to fall back on. Markdown goes through `render`.
// Which cards and which time limit apply is content (content/sequences), not code.
import { mainGuide, type Library } from '../content/library';
import { URGENCY_LEVELS, type Lang } from '../content/schema';
import { careView, exerciseView, get, type CareView, type ExerciseView } from '../content/view';

export type SignCheck = { sign: string; card: CareView };
export type SequenceView = {
	id: string;
	title: string;
	exercises: ExerciseView[];
	/** Ids of `FirstAidView.cards` to show when first aid did not help. */
	afterCare: string[];
	/** When the session stops offering exercises, counted from its start, and the card it shows then. */
	timeLimit: { ms: number; card: string };
};
export type FirstAidView = {
	/** Every card with a sign, most urgent first: the signs that replace exercises with medical help. */
	checks: SignCheck[];
	sequences: SequenceView[];
	/** The cards the sequences name, each rendered once however many places share it. */
	cards: Record<string, CareView>;
	/** Slug of the main guide, to read more once first aid has helped. */
	guide: string;
};

const urgencyRank = (level: CareView['level']) => -URGENCY_LEVELS.indexOf(level);

export function firstAidView(lib: Library, lang: Lang, render: (md: string) => string): FirstAidView {
	const checks = [...lib.care.values()]
		.filter((c) => c.sign)
		.sort((a, b) => urgencyRank(a.level) - urgencyRank(b.level))
		.map((c) => ({ sign: c.sign![lang], card: careView(c, lang, render) }));
	const cards: Record<string, CareView> = {};
	const card = (id: string) => ((cards[id] ??= careView(get(lib.care, id), lang, render)), id);
	return {
		checks,
		sequences: [...lib.sequences.values()].map((s) => {
			const rule = get(lib.rules, s.timeLimit);
			return {
				id: s.id,
				title: s.title[lang],
				exercises: s.exercises.map((id) => exerciseView(get(lib.exercises, id), lang, render)),
				afterCare: s.afterCare.map(card),
				// The rule reads "longer than N minutes"; the cramp began before the session did,
				// so by N minutes of first aid it has lasted longer than N.
				timeLimit: { ms: rule.when.durationMinutesAbove! * 60_000, card: card(rule.care) }
			};
		}),
		cards,
		guide: mainGuide(lib)
	};
}
