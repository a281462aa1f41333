// The pattern monitor: the self-check's own engine, asked about the logged episodes.
// It turns the diary into the facts a reader would give the self-check — one episode at
// a time, and "k cramps of at least d minutes in the same 7 days" for every window — and
// keeps every rule that fires, with the episodes that made it fire. No threshold lives
// here: the rules, their numbers and their cards all come from content/rules.
import { assess, type Specialist } from '../assessment/engine';
import type { AgeGroup, AssessmentInput, Situation } from '../assessment/input';
import type { Library } from '../content/library';
import { SITUATIONS, URGENCY_LEVELS, type Lang, type Urgency } from '../content/schema';
import { dayNumber, instantOf, type Episode } from './episode';

/** The diary does not ask the reader's age: the self-check's default, so its rules for children never fire here. */
const AGE_GROUP: AgeGroup = 'adult';

/** The self-check's "per week" read over the diary: any 7 consecutive local days. */
export const WINDOW_DAYS = 7;

/** `precaution`: set when the rule is our own precaution, as in the self-check's reasons. */
export type Finding = { rule: string; care: string; urgency: Urgency; reason: string; precaution?: string; episodes: string[] };
export type Pattern = {
	urgency: Urgency;
	specialist: Specialist | null;
	findings: Finding[];
	/** When nothing fired: the signs that would change the answer. */
	ifWorse: { sign: string; text: string; urgency: Urgency }[];
};

const rank = (u: Urgency) => URGENCY_LEVELS.indexOf(u);

/**
 * What the rules can react to. The engine's triage depends on a number only through the
 * rules' own thresholds, and on a sign, factor or situation only if some rule names it;
 * facts that agree on all of that share one assessment. This keeps 5,000 episodes fast
 * without a single threshold or id written here.
 */
function lensOf(lib: Library) {
	const rules = [...lib.rules.values()];
	const above = [...new Set(rules.flatMap((r) => r.when.durationMinutesAbove ?? []))];
	const atLeast = [...new Set(rules.flatMap((r) => r.when.perWeekAtLeast ?? []))];
	const named = (pick: (r: (typeof rules)[number]) => readonly string[] | undefined, counting: boolean) =>
		new Set(rules.filter((r) => !counting || r.when.perWeekAtLeast !== undefined).flatMap((r) => pick(r) ?? []));
	const signs = [named((r) => r.when.signs, false), named((r) => r.when.signs, true)];
	const factors = [named((r) => r.when.factors, false), named((r) => r.when.factors, true)];
	const situations = named((r) => r.when.situations, false);
	const side = (value: number | null, limits: number[], strict: boolean) =>
		value === null ? -1 : limits.reduce((n, l) => n + +(strict ? value > l : value >= l), 0);
	const keep = (ids: string[], set: Set<string>) => [...new Set(ids.filter((id) => set.has(id)))].sort();
	return {
		/** Counting across situations needs one no rule looks at, so "3 cramps" is never read as "3 nights". */
		neutral: SITUATIONS.find((s) => !situations.has(s)),
		/** The signs and factors in `ids` that rules name (for a count: rules that count). */
		signs: (ids: string[], counted: boolean) => keep(ids, signs[+counted]) as AssessmentInput['signs'],
		factors: (ids: string[], counted: boolean) => keep(ids, factors[+counted]) as AssessmentInput['factors'],
		/** Whether any rule that counts names a sign or factor at all (today none does). */
		countsAnswers: signs[1].size + factors[1].size > 0,
		key: (situation: Situation, durationMinutes: number, perWeek: number | null, factors: string[], signs: string[]) =>
			`${situations.has(situation) ? situation : '*'}|${side(durationMinutes, above, true)}|${side(perWeek, atLeast, false)}|${factors.join(',')}|${signs.join(',')}`
	};
}

type Lens = ReturnType<typeof lensOf>;
type Facts = { key: string; input: () => AssessmentInput; episodes: () => Episode[]; counted: boolean };

/** The facts the diary gives the self-check, each with its cache key; inputs are built only when needed. */
function* factsOf(lens: Lens, episodes: Episode[], lang: Lang): Generator<Facts> {
	const facts = (situation: Situation, durationMinutes: number, perWeek: number | null, group: Episode[], counted: boolean): Facts => {
		const factors = lens.factors(
			group.flatMap((e) => e.factors),
			counted
		);
		const signs = lens.signs(
			group.flatMap((e) => e.signs),
			counted
		);
		return {
			key: lens.key(situation, durationMinutes, perWeek, factors, signs),
			input: () => ({ lang, episode: { durationMinutes, perWeek, situation }, factors, signs, ageGroup: AGE_GROUP }),
			episodes: () => group,
			counted
		};
	};
	for (const e of episodes) yield facts(e.situation, e.durationMinutes, null, [e], false);

	const days = [...new Set(episodes.map((e) => dayNumber(e.day)))];
	const dayOf = episodes.map((e) => dayNumber(e.day));
	let start = 0;
	let stop = 0;
	for (const end of days) {
		// episodes are sorted, so the window [end − 6, end] is a slice
		while (dayOf[start] <= end - WINDOW_DAYS) start++;
		while (stop < episodes.length && dayOf[stop] <= end) stop++;
		const window = episodes.slice(start, stop);
		const groups: [Situation, Episode[]][] = SITUATIONS.map((s) => [s, window.filter((e) => e.situation === s)]);
		if (lens.neutral) groups.push([lens.neutral, window]);
		for (const [situation, group] of groups) {
			if (!group.length) continue;
			// the k longest: "k cramps of at least the k-th longest's minutes this week"; of the
			// k that read the same to the rules, the largest stands for them all
			const longest = [...group].sort((a, b) => b.durationMinutes - a.durationMinutes);
			let pending: Facts | undefined;
			for (let k = 1; k <= longest.length; k++) {
				const d = longest[k - 1].durationMinutes;
				const top = () => longest.slice(0, k);
				// no counting rule names a sign or factor: skip gathering them (the common case)
				const next: Facts = lens.countsAnswers
					? facts(situation, d, k, top(), true)
					: {
							key: lens.key(situation, d, k, [], []),
							input: () => ({ lang, episode: { durationMinutes: d, perWeek: k, situation }, factors: [], signs: [], ageGroup: AGE_GROUP }),
							episodes: top,
							counted: true
						};
				if (pending && pending.key !== next.key) yield pending;
				pending = next;
			}
			if (pending) yield pending;
		}
	}
}

/** The pattern in `episodes` (any order), judged by the self-check's rules in `lib`. */
export function monitor(lib: Library, diary: Episode[], lang: Lang): Pattern {
	// each instant once: parsing dates inside the sort's comparisons dominated on big diaries
	const episodes = diary
		.map((e) => ({ e, at: instantOf(e) }))
		.sort((a, b) => a.at - b.at || a.e.id.localeCompare(b.e.id))
		.map((x) => x.e);
	const order = new Map(episodes.map((e, i) => [e.id, i]));
	const cache = new Map<string, ReturnType<typeof assess>>();
	const lens = lensOf(lib);
	const found = new Map<string, { reason: string; precaution?: string; episodes: Map<string, Episode> }>();
	for (const facts of factsOf(lens, episodes, lang)) {
		let result = cache.get(facts.key);
		if (!result) cache.set(facts.key, (result = assess(lib, facts.input())));
		for (const reason of result.reasons) {
			const rule = lib.rules.get(reason.id);
			// a rule without a frequency is credited to the single episodes that fire it
			if (!rule || (facts.counted && rule.when.perWeekAtLeast === undefined)) continue;
			const f = found.get(rule.id) ?? { reason: reason.text, precaution: reason.precaution, episodes: new Map() };
			for (const e of facts.episodes()) f.episodes.set(e.id, e);
			found.set(rule.id, f);
		}
	}
	const levelOf = (care: string) => lib.care.get(care)!.level;
	// the engine's order: most urgent first, file order within a level
	const fileOrder = new Map([...lib.rules.keys()].map((id, i) => [id, i]));
	const all: Finding[] = [...found]
		.map(([id, f]) => {
			const care = lib.rules.get(id)!.care;
			return {
				rule: id,
				care,
				urgency: levelOf(care),
				reason: f.reason,
				...(f.precaution && { precaution: f.precaution }),
				episodes: [...f.episodes.keys()].sort((a, b) => order.get(a)! - order.get(b)!)
			};
		})
		.sort((a, b) => rank(b.urgency) - rank(a.urgency) || fileOrder.get(a.rule)! - fileOrder.get(b.rule)!);
	const urgency: Urgency = all[0]?.urgency ?? 'self-care';
	// as in the self-check, an emergency answer is only the emergency
	const findings = urgency === 'emergency' ? all.filter((f) => f.urgency === 'emergency') : all;
	// as in the self-check, the specialist is the one on the most urgent card
	const specialist: Specialist | null = findings.length ? (lib.care.get(findings[0].care)!.specialist ?? null) : null;
	const ifWorse = findings.length
		? []
		: assess(lib, {
				lang,
				episode: { durationMinutes: null, perWeek: null, situation: SITUATIONS[0] },
				factors: [],
				signs: [],
				ageGroup: AGE_GROUP
			}).ifWorse;
	return { urgency, specialist, findings, ifWorse };
}
