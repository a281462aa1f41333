// The self-check: answers in, explained advice out. Generic over the rules in content/
// (situations, factors, signs, triage rules, notes); it knows no medical fact itself.
import type { Library } from '../content/library';
import {
	EVIDENCE_LEVELS,
	URGENCY_LEVELS,
	type Answer,
	type Lang,
	type Localized,
	type Measure,
	type Rule,
	type Urgency
} from '../content/schema';
import type { AssessmentInput } from './input';

export type Specialist = 'phlebologist' | 'gp';
export type Reason = { id: string; text: string; source: string };
export type LikelyCause = { id: string; title: string; why: string; weight: number };
/** `causes`: which of the likely causes it works against (empty for general advice). */
export type PreventionItem = { id: string; title: string; evidence: Measure['evidence']['level']; evidenceNote: string; causes: string[] };
export type SafetyNet = { sign: string; urgency: Urgency; text: string };
export type Assessment = {
	lang: Lang;
	urgency: Urgency;
	specialist: Specialist | null;
	/** Care cards to show, most urgent first. */
	care: string[];
	reasons: Reason[];
	causes: LikelyCause[];
	firstAid: string[];
	prevention: PreventionItem[];
	ifWorse: SafetyNet[];
	sources: { id: string; title: string; url: string }[];
};

const rank = (level: Urgency) => URGENCY_LEVELS.indexOf(level);
/** Measures drawn from the likely causes; more than this is not a plan anyone keeps daily. */
const PLAN_SIZE = 6;

/** Ids are checked by parseLibrary, so a miss here is a bug, not bad input. */
function get<T>(map: Map<string, T>, id: string): T {
	const item = map.get(id);
	if (!item) throw new Error(`content id "${id}" is not in the library`);
	return item;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);

/** The answers that made a rule fire, or undefined when it does not. */
function match(rule: Rule, input: AssessmentInput): string[] | undefined {
	const { when } = rule;
	const { durationMinutes, perWeek, situation } = input.episode;
	const signs = when.signs?.filter((s) => input.signs.includes(s));
	const factors = when.factors?.filter((f) => input.factors.includes(f));
	const holds =
		(!signs || signs.length > 0) &&
		(!factors || factors.length > 0) &&
		(!when.situations || when.situations.includes(situation)) &&
		// "not sure" (null) never fires a threshold; the safety net below still names it
		(when.durationMinutesAbove === undefined || (durationMinutes !== null && durationMinutes > when.durationMinutesAbove)) &&
		(when.perWeekAtLeast === undefined || (perWeek !== null && perWeek >= when.perWeekAtLeast));
	return holds ? [...(signs ?? []), ...(factors ?? [])] : undefined;
}

export function assess(lib: Library, input: AssessmentInput): Assessment {
	const lang = input.lang;
	const text = (l: Localized) => l[lang];
	const factors = [...new Set(input.factors)].map((id) => get(lib.factors, id));
	const situation = get(lib.situations, input.episode.situation);
	const labelOf = (id: string) => lowerFirst(text((lib.signs.get(id) ?? get(lib.factors, id)).label));

	const cardOf = (rule: Rule) => get(lib.care, rule.care);
	const fired = [...lib.rules.values()]
		.map((rule) => ({ rule, answers: match(rule, input) }))
		.filter((f): f is { rule: Rule; answers: string[] } => f.answers !== undefined)
		.sort((a, b) => rank(cardOf(b.rule).level) - rank(cardOf(a.rule).level));
	const urgency: Urgency = fired.length ? cardOf(fired[0].rule).level : 'self-care';
	const specialists = fired.map((f) => cardOf(f.rule).specialist);
	// Emergency services come first; otherwise the vein specialist the original article names, then a GP.
	const specialist: Specialist | null =
		urgency === 'emergency' ? null : specialists.includes('phlebologist') ? 'phlebologist' : specialists.includes('gp') ? 'gp' : null;

	const notes: string[] = [];
	const reasons: Reason[] = fired.map(({ rule, answers }) => ({
		id: rule.id,
		text: text(rule.reason).replace('{answers}', answers.map(labelOf).join('; ')),
		source: rule.sources[0]
	}));
	if (!fired.length) notes.push('no-warning-signs');

	// Several answers pointing to one cause add up like independent chances: 1 − Π(1 − w).
	const causes = new Map<string, { miss: number; why: string[] }>();
	const answers: Answer[] = [situation, ...factors];
	for (const answer of answers)
		for (const p of answer.causes) {
			const c = causes.get(p.cause) ?? { miss: 1, why: [] };
			c.miss *= 1 - p.weight;
			c.why.push(text(p.why));
			causes.set(p.cause, c);
		}
	const likely: LikelyCause[] = [...causes]
		.map(([id, c]) => ({ id, title: text(get(lib.causes, id).title), why: c.why.join(' '), weight: Math.round((1 - c.miss) * 100) / 100 }))
		.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
	if (!likely.length) notes.push('no-clear-cause');

	// With a possible clot, no stretching or massage; the water technique stays, because in
	// the water staying afloat and reaching the shore comes before anything else.
	const withhold = fired.some((f) => f.rule.withholdFirstAid);
	const inWater = (id: string) => get(lib.exercises, id).position === 'water';
	const firstAid = withhold ? situation.firstAid.filter(inWater) : situation.firstAid;
	if (withhold) notes.push('first-aid-withheld');
	if (firstAid.length && inWater(firstAid[0])) notes.push('water-technique');

	// Prevention that fits: taking turns over the likely causes (strongest first) so each
	// gets its own best measures, capped so a daily checklist stays doable; then
	// whatever an answer or a note names directly.
	const against = (cause: string) =>
		[...lib.measures.values()]
			.filter((m) => m.causes.includes(cause))
			// the measure aimed most squarely at this cause first, then the better-supported one
			.sort(
				(a, b) => a.causes.length - b.causes.length || EVIDENCE_LEVELS.indexOf(a.evidence.level) - EVIDENCE_LEVELS.indexOf(b.evidence.level)
			);
	const queues = likely.map((c) => against(c.id));
	const fitting: string[] = [];
	for (let round = 0; fitting.length < PLAN_SIZE && queues.some((q) => q.length > round); round++)
		for (const q of queues) if (q[round] && !fitting.includes(q[round].id) && fitting.length < PLAN_SIZE) fitting.push(q[round].id);
	if (!fitting.length) notes.push('general-prevention');
	const direct = [...answers.flatMap((a) => a.measures), ...notes.flatMap((n) => get(lib.notes, n).measures)];
	const prevention = [...new Set([...fitting, ...direct])].map((id) => {
		const m = get(lib.measures, id);
		return {
			id,
			title: text(m.title),
			evidence: m.evidence.level,
			evidenceNote: text(m.evidence.note),
			causes: m.causes.filter((c) => causes.has(c))
		};
	});

	for (const id of notes) {
		const note = get(lib.notes, id);
		reasons.push({ id, text: text(note.text), source: note.sources[0] });
	}

	// Safety-netting: new signs at this level or above (same level, other advice: a clot
	// after a long cramp means no massage). At the top level, the top-level advice again.
	const firedIds = new Set(fired.map((f) => f.rule.id));
	const rules = [...lib.rules.values()].sort((a, b) => rank(cardOf(b).level) - rank(cardOf(a).level));
	const next = rules.filter((r) => !firedIds.has(r.id) && rank(cardOf(r).level) >= rank(urgency));
	const ifWorse = (next.length ? next : rules.filter((r) => cardOf(r).level === urgency)).map((r) => ({
		sign: text(r.ifWorse.sign),
		urgency: cardOf(r).level,
		text: text(r.ifWorse.text)
	}));

	const sourceIds = [
		...fired.flatMap((f) => f.rule.sources),
		...notes.flatMap((n) => get(lib.notes, n).sources),
		...likely.flatMap((c) => get(lib.causes, c.id).sources),
		...answers.flatMap((a) => a.sources)
	];
	const sources = [...new Set(sourceIds)].map((id) => {
		const s = get(lib.sources, id);
		return { id, title: s.title, url: s.url };
	});

	return {
		lang,
		urgency,
		specialist,
		care: [...new Set([...fired.map((f) => f.rule.care), ...notes.flatMap((n) => get(lib.notes, n).care ?? [])])],
		reasons,
		causes: likely,
		firstAid,
		prevention,
		ifWorse,
		sources
	};
}
