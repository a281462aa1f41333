// The self-check: answers in, explained advice out. Generic over the rules in content/
// (situations, factors, signs, triage rules, notes); it knows no medical fact itself.
import { get } from '../content/id';
import type { Library } from '../content/library';
// the levels from their zod-free modules: the engine runs in the browser (diary, result page)
import { URGENCY_LEVELS } from '../content/urgency';
import { EVIDENCE_LEVELS } from '../content/vocabulary';
import type { Answer, AvoidWith, Care, Exercise, ItemKind, Lang, Measure, Note, Rule, Urgency } from '../content/schema';
import { sourceView, type SourceView } from '../content/source';
import type { AgeGroup, AssessmentInput } from './input';

/** Whom a card sends the reader to, as the card's content names them. */
export type Specialist = NonNullable<Care['specialist']>;
/** `source`: the first source that says it; `precaution`: set when the rule is our own precaution. */
export type Reason = { id: string; text: string; source: string | null; precaution?: string };
export type LikelyCause = { id: string; title: string; why: string; weight: number };
/** `causes`: which of the likely causes it works against (empty for general advice). */
/** `forEveryone`: general advice that suits anyone; otherwise it answers something this reader reported. */
export type PreventionItem = {
	id: string;
	title: string;
	evidence: Measure['evidence']['level'];
	evidenceNote: string;
	causes: string[];
	forEveryone: boolean;
};
/** `text` is Markdown (it may hold the emergency numbers as tel: links). */
export type SafetyNet = { sign: string; urgency: Urgency; text: string };
/** An exercise or measure left out because it is not for this reader, and why; `instead` took its place. */
export type LeftOut = { id: string; kind: 'exercise' | 'measure'; title: string; reason: string; instead?: string };
export type Assessment = {
	lang: Lang;
	ageGroup: AgeGroup;
	urgency: Urgency;
	/** The specialist on the most urgent card, or null (emergency services, self-care). */
	specialist: Specialist | null;
	/** Care cards to show, most urgent first. An emergency answer holds only the emergency. */
	care: string[];
	reasons: Reason[];
	causes: LikelyCause[];
	firstAid: string[];
	/** Why first aid on land was withheld (a possible clot or tear), or null. */
	firstAidWithheld: string | null;
	/** Which guided session fits: on land, in the water, or none (withheld, emergency, or adapted for this reader). */
	guidedFirstAid: 'land' | 'water' | null;
	prevention: PreventionItem[];
	/** The plan should wait until a doctor has been seen (e.g. varicose veins). */
	doctorFirst: boolean;
	leftOut: LeftOut[];
	ifWorse: SafetyNet[];
	/** Titles in the reader's language; a source without a URL is cited by title alone. */
	sources: SourceView[];
};

const rank = (level: Urgency) => URGENCY_LEVELS.indexOf(level);
/** Measures drawn from the likely causes; more than this is not a plan anyone keeps daily. */
const PLAN_SIZE = 6;

/** A label inside a sentence: "Chest pain" → "chest pain", but "I fainted" keeps its capital. */
export const lowerFirst = (s: string) => (/^\p{Lu}\P{L}/u.test(s) ? s : s.charAt(0).toLocaleLowerCase() + s.slice(1));

/** The answers that made a rule fire, or undefined when it does not. */
function match(rule: Rule, input: AssessmentInput): string[] | undefined {
	const { when } = rule;
	const { durationMinutes, perWeek, situation } = input.episode;
	const given = (ids: readonly string[] | undefined, answers: readonly string[]) => ids?.filter((id) => answers.includes(id));
	const signs = given(when.signs, input.signs);
	const factors = given(when.factors, input.factors);
	const alsoSigns = given(when.alsoSigns, input.signs);
	const alsoFactors = given(when.alsoFactors, input.factors);
	const holds =
		[signs, factors, alsoSigns, alsoFactors].every((list) => !list || list.length > 0) &&
		(!when.situations || when.situations.includes(situation)) &&
		(!when.ageGroups || when.ageGroups.includes(input.ageGroup)) &&
		// "not sure" (null) never fires a threshold; the safety net below still names it
		(when.durationMinutesAbove === undefined || (durationMinutes !== null && durationMinutes > when.durationMinutesAbove)) &&
		(when.perWeekAtLeast === undefined || (perWeek !== null && perWeek >= when.perWeekAtLeast));
	return holds ? [...new Set([...(signs ?? []), ...(alsoSigns ?? []), ...(factors ?? []), ...(alsoFactors ?? [])])] : undefined;
}

type Fired = { rule: Rule; answers: string[] };

/** The rules that fire, most urgent first (file order within a level), and the level they set. */
function triage(lib: Library, input: AssessmentInput) {
	const levelOf = (rule: Rule) => get(lib.care, rule.care).level;
	const fired = [...lib.rules.values()]
		.map((rule) => ({ rule, answers: match(rule, input) }))
		.filter((f): f is Fired => f.answers !== undefined)
		.sort((a, b) => rank(levelOf(b.rule)) - rank(levelOf(a.rule)));
	const urgency: Urgency = fired.length ? levelOf(fired[0].rule) : 'self-care';
	// the specialist follows the urgency: never a vein specialist on an urgent clot answer
	const specialist: Specialist | null = fired.length ? (get(lib.care, fired[0].rule.care).specialist ?? null) : null;
	return { fired, urgency, specialist };
}

/** Several answers pointing to one cause add up like independent chances: 1 − Π(1 − w). */
function likelyCauses(lib: Library, answers: Answer[], lang: Lang, excluded: Set<string>): LikelyCause[] {
	const causes = new Map<string, { miss: number; why: string[] }>();
	for (const answer of answers)
		for (const p of answer.causes) {
			if (excluded.has(p.cause)) continue;
			const c = causes.get(p.cause) ?? { miss: 1, why: [] };
			c.miss *= 1 - p.weight;
			c.why.push(p.why[lang]);
			causes.set(p.cause, c);
		}
	return [...causes]
		.map(([id, c]) => ({ id, title: get(lib.causes, id).title[lang], why: c.why.join(' '), weight: Math.round((1 - c.miss) * 100) / 100 }))
		.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
}

/**
 * Measures against the likely causes, taking turns over the causes (strongest first) so
 * each gets its own best measures, capped so a daily checklist stays doable. Medicines are
 * never plan items: they are for a doctor to decide.
 */
function fittingMeasures(lib: Library, likely: LikelyCause[], fits: (m: Measure) => boolean): string[] {
	const against = (cause: string) =>
		[...lib.measures.values()]
			.filter((m) => m.causes.includes(cause) && !m.medicine && fits(m))
			// the measure aimed most squarely at this cause first, then the better-supported one
			.sort(
				(a, b) => a.causes.length - b.causes.length || EVIDENCE_LEVELS.indexOf(a.evidence.level) - EVIDENCE_LEVELS.indexOf(b.evidence.level)
			);
	const queues = likely.map((c) => against(c.id));
	const fitting: string[] = [];
	for (let round = 0; fitting.length < PLAN_SIZE && queues.some((q) => q.length > round); round++)
		for (const q of queues) if (q[round] && !fitting.includes(q[round].id) && fitting.length < PLAN_SIZE) fitting.push(q[round].id);
	return fitting;
}

/**
 * Safety-netting: new signs at this level or above (same level can mean other advice: a
 * clot after a long cramp means no massage). At the top level, the top-level advice again.
 * A fired rule's `ifWorseFirst` (clot risk → the clot signs) goes first.
 */
function safetyNet(lib: Library, fired: Fired[], urgency: Urgency, input: AssessmentInput): SafetyNet[] {
	const levelOf = (rule: Rule) => get(lib.care, rule.care).level;
	const asked = (sign: string) => isAsked(get(lib.signs, sign), input);
	const firedIds = new Set(fired.map((f) => f.rule.id));
	// a rule whose card the answer already holds adds nothing to watch for
	const firedCards = new Set(fired.map((f) => f.rule.care));
	const first = [...new Set(fired.flatMap((f) => f.rule.ifWorseFirst))];
	const order = (r: Rule) => (first.includes(r.id) ? first.indexOf(r.id) - first.length : 0);
	const rules = [...lib.rules.values()]
		// only what could still happen to this reader: a child's rule for a child, a medicine's rule after a new medicine
		.filter(
			(r) =>
				r.ifWorse &&
				(!r.when.ageGroups || r.when.ageGroups.includes(input.ageGroup)) &&
				(!r.when.factors || r.when.factors.some((f) => input.factors.includes(f))) &&
				// heat signs in the safety net where heat is asked about, a cast's where there is a cast
				(!r.when.signs || r.when.signs.some(asked))
		)
		.sort((a, b) => order(a) - order(b) || rank(levelOf(b)) - rank(levelOf(a)));
	const next = rules.filter((r) => !firedIds.has(r.id) && !firedCards.has(r.care) && rank(levelOf(r)) >= rank(urgency));
	return (next.length ? next : rules.filter((r) => levelOf(r) === urgency)).map((r) => ({
		sign: r.ifWorse!.sign[input.lang],
		urgency: levelOf(r),
		text: r.ifWorse!.text[input.lang]
	}));
}

/** Whether the form asks this answer for this reader (heat signs under sport and walking, or in the heat). */
export function isAsked(
	answer: { askWhen?: { situations: readonly string[]; factors: readonly string[] } },
	// loose strings: the question pages ask before the schema has checked the answers
	input: { factors: readonly string[]; episode: { situation?: string } }
): boolean {
	const when = answer.askWhen;
	const { situation } = input.episode;
	return !when || (situation !== undefined && when.situations.includes(situation)) || when.factors.some((f) => input.factors.includes(f));
}

const noteWith = (lib: Library, role: Note['role']) => [...lib.notes.values()].find((n) => n.role === role)!;

/** The first `avoidWith` entry that applies to this reader, if any. */
const avoidFor = (avoidWith: AvoidWith[], reader: ReadonlySet<string>) => avoidWith.find((a) => a.for.some((f) => reader.has(f)));

/**
 * The exercises in `ids` that fit this reader (`reader`: their factors, signs and age group),
 * each one they should avoid swapped for its safer variant when that fits, else left out.
 * First aid's guided places adapt through this too, so both offer the same moves.
 */
/**
 * Each exercise itself if this reader may do it, else what stands in for it (or nothing), and why:
 * a card of the answer that forbids its kind (a clot card: stretch, massage, heat) or the reader's
 * own facts (`avoidWith`). First aid calls it with the reader's facts alone.
 */
/** The first of these cards that forbids an item of any of these kinds. */
const forbidder = (cards: readonly Care[]) => (kinds: readonly ItemKind[]) => cards.find((c) => c.forbids.some((k) => kinds.includes(k)));

export function fitExercises(
	lib: Library,
	ids: readonly string[],
	reader: ReadonlySet<string>,
	lang: Lang,
	cards: readonly Care[] = []
): { fitting: string[]; leftOut: LeftOut[] } {
	const forbiddenBy = forbidder(cards);
	const fits = (id: string) => !forbiddenBy(get(lib.exercises, id).kinds) && !avoidFor(get(lib.exercises, id).avoidWith, reader);
	const fitting: string[] = [];
	const leftOut: LeftOut[] = [];
	for (const id of ids) {
		const e: Exercise = get(lib.exercises, id);
		const card = forbiddenBy(e.kinds);
		const avoid = avoidFor(e.avoidWith, reader);
		let chosen: string | undefined = id;
		if (card || avoid) {
			const candidate = card ? e.fallback : avoid!.instead;
			const instead = candidate && fits(candidate) ? candidate : undefined;
			const reason = avoid ? avoid.reason[lang] : card!.forbidsReason![lang];
			leftOut.push({ id, kind: 'exercise', title: e.title[lang], reason, instead });
			chosen = instead;
		}
		if (chosen && !fitting.includes(chosen)) fitting.push(chosen);
	}
	return { fitting, leftOut };
}

export function assess(lib: Library, input: AssessmentInput): Assessment {
	const lang = input.lang;
	const situation = get(lib.situations, input.episode.situation);
	const answers: Answer[] = [situation, ...[...new Set(input.factors)].map((id) => get(lib.factors, id)), get(lib.ages, input.ageGroup)];
	const labelOf = (id: string) => lowerFirst((lib.signs.get(id) ?? get(lib.factors, id)).label[lang]);
	const reader = new Set<string>([...input.factors, ...input.signs, input.ageGroup]);
	// what the reader told us about themselves: a measure `onlyFor` some of these waits for one of them
	const reported = new Set<string>([input.episode.situation, ...input.factors, input.ageGroup]);

	const triaged = triage(lib, input);
	const { urgency, specialist } = triaged;
	// An emergency answer is only the emergency: the call and what to do while waiting.
	const emergency = urgency === 'emergency';
	const fired = emergency ? triaged.fired.filter((f) => get(lib.care, f.rule.care).level === 'emergency') : triaged.fired;
	const beside = (note: Note) => !note.upTo || rank(urgency) <= rank(note.upTo);
	const notes: Note[] = fired.length ? [] : [noteWith(lib, 'no-warning-signs')];

	const excluded = new Set(fired.flatMap((f) => f.rule.notCauses));
	const causes = emergency ? [] : likelyCauses(lib, answers, lang, excluded);
	if (!emergency && !causes.length) notes.push(noteWith(lib, 'no-clear-cause'));

	// What the answer's cards rule out (a clot card: stretch, massage, heat), with the first card's reason.
	const firedCards: Care[] = [...new Set(fired.map((f) => f.rule.care))].map((id) => get(lib.care, id));
	const forbiddenBy = forbidder(firedCards);

	// With a possible clot or tear, no first aid on land; what the water technique may hold
	// follows the cards' forbids, because in the water reaching the shore comes before anything else.
	const withholding = fired.find((f) => f.rule.withholdFirstAid);
	const withheldNote = withholding && get(lib.notes, withholding.rule.withholdFirstAid!);
	const inWater = (id: string) => get(lib.exercises, id).position === 'water';
	const offered = emergency ? [] : withheldNote ? situation.firstAid.filter(inWater) : situation.firstAid;
	const fitted = fitExercises(lib, offered, reader, lang, firedCards);
	const firstAid = fitted.fitting;
	const leftOut: LeftOut[] = fitted.leftOut;
	if (withheldNote) notes.push(withheldNote);
	if (firstAid.length && inWater(firstAid[0])) notes.push(noteWith(lib, 'water-technique'));

	const prevention: PreventionItem[] = [];
	if (!emergency) {
		const forReader = (m: Measure) => !m.onlyFor || m.onlyFor.some((a) => reported.has(a));
		const fits = (m: Measure) => forReader(m) && !avoidFor(m.avoidWith, reader) && !forbiddenBy(m.kinds);
		const fitting = fittingMeasures(lib, causes, fits);
		if (!fitting.length) notes.push(noteWith(lib, 'general-prevention'));
		// then whatever an answer (smoking → stop smoking) or a note names directly
		const direct = [...answers.flatMap((a) => a.measures), ...notes.flatMap((n) => n.measures)];
		// say what was left out for this reader among the measures the plan would otherwise hold
		const unfiltered = fittingMeasures(lib, causes, forReader);
		for (const id of new Set([...unfiltered, ...direct])) {
			const m = get(lib.measures, id);
			if (m.medicine) continue;
			const reason = avoidFor(m.avoidWith, reader)?.reason[lang] ?? forbiddenBy(m.kinds)?.forbidsReason![lang];
			if (reason) leftOut.push({ id, kind: 'measure', title: m.title[lang], reason });
		}
		const causeIds = new Set(causes.map((c) => c.id));
		for (const id of new Set([...fitting, ...direct])) {
			const m = get(lib.measures, id);
			if (!fits(m) || m.medicine) continue;
			prevention.push({
				id,
				title: m.title[lang],
				evidence: m.evidence.level,
				evidenceNote: m.evidence.note[lang],
				causes: m.causes.filter((c) => causeIds.has(c)),
				forEveryone: m.forEveryone
			});
		}
	}
	const shownNotes = notes.filter(beside);

	const reasons: Reason[] = [
		...fired.map(({ rule, answers }) => ({
			id: rule.id,
			text: rule.reason[lang].replace('{answers}', answers.map(labelOf).join('; ')),
			source: rule.sources[0] ?? null,
			...(rule.precaution && { precaution: rule.precaution[lang] })
		})),
		...shownNotes.map((note) => ({ id: note.id, text: note.text[lang], source: note.sources[0] }))
	];

	const sourceIds = [
		...fired.flatMap((f) => f.rule.sources),
		...shownNotes.flatMap((n) => n.sources),
		...causes.flatMap((c) => get(lib.causes, c.id).sources),
		...(emergency ? [] : answers.flatMap((a) => a.sources))
	];
	const sources = [...new Set(sourceIds)].map((id) => sourceView(get(lib.sources, id), lang));

	// "Ease it at home" never sits beside "see a doctor today": an urgent answer shows no self-care card.
	const care = [...new Set([...fired.map((f) => f.rule.care), ...shownNotes.flatMap((n) => n.care ?? [])])].filter(
		(id) => rank(urgency) < rank('urgent') || get(lib.care, id).level !== 'self-care'
	);
	const adapted = leftOut.some((l) => l.kind === 'exercise');
	const waterAdapted = leftOut.some((l) => l.kind === 'exercise' && inWater(l.id));
	// the guided session runs its own fixed exercises: only offered when none of them is forbidden
	const guidedForbidden = [...lib.sequences.values()].some((s) => s.exercises.some((id) => forbiddenBy(get(lib.exercises, id).kinds)));
	return {
		lang,
		ageGroup: input.ageGroup,
		urgency,
		specialist,
		care,
		reasons,
		causes,
		firstAid,
		firstAidWithheld: withheldNote ? withheldNote.text[lang] : null,
		// ... and only when none was adapted or withheld for this reader
		guidedFirstAid: !firstAid.length
			? null
			: inWater(firstAid[0])
				? waterAdapted
					? null
					: 'water'
				: withheldNote || adapted || guidedForbidden
					? null
					: 'land',
		prevention,
		doctorFirst: care.some((id) => get(lib.care, id).doctorFirst),
		leftOut,
		ifWorse: emergency ? [] : safetyNet(lib, fired, urgency, input),
		sources
	};
}
