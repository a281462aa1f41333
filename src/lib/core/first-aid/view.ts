// What the first-aid page shows, in one language: the sign check, the places with
// their sequences, and the cards to fall back on. Markdown goes through `render`.
// Which cards and which time limit apply is content (content/sequences), not code; which
// exercises a reader should avoid is the exercises' own `avoidWith`, applied by the engine's
// fitExercises, so first aid and the self-check offer the same moves to the same reader.
import { fitExercises } from '../assessment/engine';
import { mainGuide, type Library } from '../content/library';
import { URGENCY_LEVELS, type Lang } from '../content/schema';
import { get } from '../content/id';
import { careView, exerciseView, type CareView, type ExerciseView } from '../content/view';
import { fitKey } from './fit-key';

export type SignCheck = { sign: string; card: CareView };
/** An exercise left out for this reader, why, and the title of the one in its place (if any). */
export type LeftOutView = { title: string; reason: string; instead?: string };
export type FitView = { exercises: ExerciseView[]; leftOut: LeftOutView[] };
export type SequenceView = {
	id: string;
	title: string;
	/** For a reader none of whose facts matters here. */
	exercises: ExerciseView[];
	/** By fitKey of the reader's facts: the sequence adapted to them (only where it differs). */
	fits: Record<string, FitView>;
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
	/** The reader facts (factor, sign or age-group ids) some exercise here is not for, sorted. */
	adapts: string[];
	/** The factors among them first aid asks about on its first screen, with their labels. */
	asks: { id: string; label: string }[];
	/** Ids of `cards` the self-check shows for a fact alone (pregnancy → watch for a clot). */
	factCards: Record<string, string[]>;
	/** The emergency card's "call now", rendered: the numbers as tel: links, under the signs. */
	call: string;
	/** The same numbers as bare one-tap links, for the running timer's top line. */
	callNumbers: { text: string; href: string }[];
};

/** Every subset of `ids`, each in `ids` order. */
const subsets = (ids: string[]): string[][] => ids.reduce<string[][]>((all, id) => [...all, ...all.map((s) => [...s, id])], [[]]);

const urgencyRank = (level: CareView['level']) => -URGENCY_LEVELS.indexOf(level);

export function firstAidView(lib: Library, lang: Lang, render: (md: string) => string): FirstAidView {
	const checks = [...lib.care.values()]
		.filter((c) => c.sign)
		.sort((a, b) => urgencyRank(a.level) - urgencyRank(b.level))
		.map((c) => ({ sign: c.sign![lang], card: careView(c, lang, render) }));
	const cards: Record<string, CareView> = {};
	const card = (id: string) => ((cards[id] ??= careView(get(lib.care, id), lang, render)), id);
	// one view per exercise, shared by every fit, so the page data holds each once
	const views = new Map<string, ExerciseView>();
	const view = (id: string) => views.get(id) ?? views.set(id, exerciseView(get(lib.exercises, id), lang, render)).get(id)!;
	const sequences = [...lib.sequences.values()];
	const avoided = (id: string) => get(lib.exercises, id).avoidWith;
	const adapts = [
		...new Set(
			sequences
				.flatMap((s) => s.exercises.flatMap((id) => [...avoided(id), ...avoided(id).flatMap((a) => (a.instead ? avoided(a.instead) : []))]))
				.flatMap((a) => a.for)
		)
	].sort();
	const fitsOf = (exercises: string[]) =>
		Object.fromEntries(
			subsets(adapts).flatMap((facts) => {
				const { fitting, leftOut } = fitExercises(lib, exercises, new Set(facts), lang);
				if (!leftOut.length) return [];
				const fit: FitView = {
					exercises: fitting.map(view),
					leftOut: leftOut.map((l) => ({
						title: l.title,
						reason: l.reason,
						...(l.instead && { instead: get(lib.exercises, l.instead).title[lang] })
					}))
				};
				return [[fitKey(adapts, new Set(facts)), fit]];
			})
		);
	// a rule that needs nothing but the fact: its card is what the self-check says about the fact alone
	const alone = (fact: string) =>
		[...lib.rules.values()]
			.filter((r) => r.when.factors?.some((f) => f === fact) && Object.keys(r.when).length === 1)
			.map((r) => card(r.care));
	const emergency = checks.find((c) => c.card.level === 'emergency');
	// the tel: links of the card's own Markdown (they come from phrase:emergency-numbers)
	const numbers = emergency ? [...get(lib.care, emergency.card.id).now[lang].matchAll(/\[([^\]]+)\]\((tel:[^)\s]+)\)/g)] : [];
	return {
		checks,
		adapts,
		asks: adapts.flatMap((id) => (lib.factors.has(id) ? [{ id, label: get(lib.factors, id).label[lang] }] : [])),
		factCards: Object.fromEntries(adapts.map((f) => [f, alone(f)]).filter(([, c]) => c.length)),
		call: emergency ? emergency.card.now : '',
		callNumbers: numbers.map(([, text, href]) => ({ text, href })),
		sequences: sequences.map((s) => {
			const rule = get(lib.rules, s.timeLimit);
			return {
				id: s.id,
				title: s.title[lang],
				exercises: s.exercises.map(view),
				fits: fitsOf(s.exercises),
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
