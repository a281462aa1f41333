// The self-check: answers in, explained advice out. Generic over the rules in content/
// (situations, factors, signs, triage rules, notes); it knows no medical fact itself.
import type { Library } from '../content/library';
import { EVIDENCE_LEVELS, URGENCY_LEVELS, type Answer, type Lang, type Measure, type Rule, type Urgency } from '../content/schema';
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
	sources: { id: string; title: string; url?: string }[];
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

type Fired = { rule: Rule; answers: string[] };

/** The rules that fire, most urgent first, and the level and specialist they set. */
function triage(lib: Library, input: AssessmentInput) {
	const levelOf = (rule: Rule) => get(lib.care, rule.care).level;
	const fired = [...lib.rules.values()]
		.map((rule) => ({ rule, answers: match(rule, input) }))
		.filter((f): f is Fired => f.answers !== undefined)
		.sort((a, b) => rank(levelOf(b.rule)) - rank(levelOf(a.rule)));
	const urgency: Urgency = fired.length ? levelOf(fired[0].rule) : 'self-care';
	const specialists = fired.map((f) => get(lib.care, f.rule.care).specialist);
	// Emergency services come first; otherwise the vein specialist the original article names, then a GP.
	const specialist: Specialist | null =
		urgency === 'emergency' ? null : specialists.includes('phlebologist') ? 'phlebologist' : specialists.includes('gp') ? 'gp' : null;
	return { fired, urgency, specialist };
}

/** Several answers pointing to one cause add up like independent chances: 1 − Π(1 − w). */
function likelyCauses(lib: Library, answers: Answer[], lang: Lang): LikelyCause[] {
	const causes = new Map<string, { miss: number; why: string[] }>();
	for (const answer of answers)
		for (const p of answer.causes) {
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
 * each gets its own best measures, capped so a daily checklist stays doable.
 */
function fittingMeasures(lib: Library, likely: LikelyCause[]): string[] {
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
	return fitting;
}

/**
 * Safety-netting: new signs at this level or above (same level can mean other advice: a
 * clot after a long cramp means no massage). At the top level, the top-level advice again.
 */
function safetyNet(lib: Library, fired: Fired[], urgency: Urgency, lang: Lang): SafetyNet[] {
	const levelOf = (rule: Rule) => get(lib.care, rule.care).level;
	const firedIds = new Set(fired.map((f) => f.rule.id));
	const rules = [...lib.rules.values()].sort((a, b) => rank(levelOf(b)) - rank(levelOf(a)));
	const next = rules.filter((r) => !firedIds.has(r.id) && rank(levelOf(r)) >= rank(urgency));
	return (next.length ? next : rules.filter((r) => levelOf(r) === urgency)).map((r) => ({
		sign: r.ifWorse.sign[lang],
		urgency: levelOf(r),
		text: r.ifWorse.text[lang]
	}));
}

export function assess(lib: Library, input: AssessmentInput): Assessment {
	const lang = input.lang;
	const situation = get(lib.situations, input.episode.situation);
	const answers: Answer[] = [situation, ...[...new Set(input.factors)].map((id) => get(lib.factors, id))];
	const labelOf = (id: string) => lowerFirst((lib.signs.get(id) ?? get(lib.factors, id)).label[lang]);

	const { fired, urgency, specialist } = triage(lib, input);
	const notes: string[] = fired.length ? [] : ['no-warning-signs'];

	const causes = likelyCauses(lib, answers, lang);
	if (!causes.length) notes.push('no-clear-cause');

	// With a possible clot, no stretching or massage; the water technique stays, because in
	// the water staying afloat and reaching the shore comes before anything else.
	const withhold = fired.some((f) => f.rule.withholdFirstAid);
	const inWater = (id: string) => get(lib.exercises, id).position === 'water';
	const firstAid = withhold ? situation.firstAid.filter(inWater) : situation.firstAid;
	if (withhold) notes.push('first-aid-withheld');
	if (firstAid.length && inWater(firstAid[0])) notes.push('water-technique');

	const fitting = fittingMeasures(lib, causes);
	if (!fitting.length) notes.push('general-prevention');
	// then whatever an answer (smoking → stop smoking) or a note names directly
	const direct = [...answers.flatMap((a) => a.measures), ...notes.flatMap((n) => get(lib.notes, n).measures)];
	const causeIds = new Set(causes.map((c) => c.id));
	const prevention = [...new Set([...fitting, ...direct])].map((id) => {
		const m = get(lib.measures, id);
		return {
			id,
			title: m.title[lang],
			evidence: m.evidence.level,
			evidenceNote: m.evidence.note[lang],
			causes: m.causes.filter((c) => causeIds.has(c))
		};
	});

	const reasons: Reason[] = [
		...fired.map(({ rule, answers }) => ({
			id: rule.id,
			text: rule.reason[lang].replace('{answers}', answers.map(labelOf).join('; ')),
			source: rule.sources[0]
		})),
		...notes.map((id) => {
			const note = get(lib.notes, id);
			return { id, text: note.text[lang], source: note.sources[0] };
		})
	];

	const sourceIds = [
		...fired.flatMap((f) => f.rule.sources),
		...notes.flatMap((n) => get(lib.notes, n).sources),
		...causes.flatMap((c) => get(lib.causes, c.id).sources),
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
		causes,
		firstAid,
		prevention,
		ifWorse: safetyNet(lib, fired, urgency, lang),
		sources
	};
}
