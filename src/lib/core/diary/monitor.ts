// The pattern monitor: the self-check's own engine, asked about the logged episodes.
// It turns the diary into the facts a reader would give the self-check — one episode at
// a time, and "k cramps of at least d minutes in the same 7 days" for every window — and
// keeps every rule that fires, with the episodes that made it fire. No threshold lives
// here: the rules, their numbers and their cards all come from content/rules.
import { assess, type Specialist } from '../assessment/engine';
import type { AssessmentInput, Situation } from '../assessment/input';
import type { Library } from '../content/library';
import { SITUATIONS, URGENCY_LEVELS, type Lang, type Urgency } from '../content/schema';
import { byTime, dayNumber, type Episode } from './episode';

/** The self-check's "per week" read over the diary: any 7 consecutive local days. */
export const WINDOW_DAYS = 7;

export type Finding = { rule: string; care: string; urgency: Urgency; reason: string; episodes: string[] };
export type Pattern = {
	urgency: Urgency;
	specialist: Specialist | null;
	findings: Finding[];
	/** When nothing fired: the signs that would change the answer. */
	ifWorse: { sign: string; text: string; urgency: Urgency }[];
};

type Facts = { input: AssessmentInput; episodes: Episode[]; counted: boolean };

const rank = (u: Urgency) => URGENCY_LEVELS.indexOf(u);
const union = <T>(lists: T[][]): T[] => [...new Set(lists.flat())].sort();

/** The facts the diary gives the self-check, in a form the engine accepts. */
function* factsOf(lib: Library, episodes: Episode[], lang: Lang): Generator<Facts> {
	const input = (situation: Situation, durationMinutes: number, perWeek: number | null, group: Episode[]): AssessmentInput => ({
		lang,
		episode: { durationMinutes, perWeek, situation },
		factors: union(group.map((e) => e.factors)),
		signs: union(group.map((e) => e.signs))
	});
	for (const e of episodes) yield { input: input(e.situation, e.durationMinutes, null, [e]), episodes: [e], counted: false };

	// Counting across situations needs a situation no rule looks at, so that "3 cramps this
	// week" is never read as "3 nights" — the rules decide which one that is.
	const rules = [...lib.rules.values()];
	const neutral = SITUATIONS.find((s) => !rules.some((r) => r.when.situations?.includes(s)));
	const days = [...new Set(episodes.map((e) => dayNumber(e.day)))];
	let start = 0;
	for (const end of days) {
		// episodes are sorted, so the window [end − 6, end] is a slice
		while (dayNumber(episodes[start].day) <= end - WINDOW_DAYS) start++;
		let stop = start;
		while (stop < episodes.length && dayNumber(episodes[stop].day) <= end) stop++;
		const window = episodes.slice(start, stop);
		const groups: [Situation, Episode[]][] = SITUATIONS.map((s) => [s, window.filter((e) => e.situation === s)]);
		if (neutral) groups.push([neutral, window]);
		for (const [situation, group] of groups) {
			// the k longest: "k cramps of at least the k-th longest's minutes this week"
			const longest = [...group].sort((a, b) => b.durationMinutes - a.durationMinutes);
			for (let k = 1; k <= longest.length; k++) {
				const top = longest.slice(0, k);
				yield { input: input(situation, top[k - 1].durationMinutes, k, top), episodes: top, counted: true };
			}
		}
	}
}

/**
 * The engine's answer depends on a number only through the rules' own thresholds, so
 * facts on the same side of every threshold share one assessment (this keeps 5,000
 * episodes fast without knowing any threshold here).
 */
function cacheKeyOf(lib: Library): (input: AssessmentInput) => string {
	const rules = [...lib.rules.values()];
	const above = [...new Set(rules.flatMap((r) => r.when.durationMinutesAbove ?? []))];
	const atLeast = [...new Set(rules.flatMap((r) => r.when.perWeekAtLeast ?? []))];
	const side = (value: number | null, limits: number[], strict: boolean) =>
		value === null ? -1 : limits.reduce((n, l) => n + +(strict ? value > l : value >= l), 0);
	return (input) =>
		`${input.episode.situation}|${side(input.episode.durationMinutes, above, true)}|${side(input.episode.perWeek, atLeast, false)}|${input.factors.join(',')}|${input.signs.join(',')}`;
}

/** The pattern in `episodes` (any order), judged by the self-check's rules in `lib`. */
export function monitor(lib: Library, diary: Episode[], lang: Lang): Pattern {
	const episodes = [...diary].sort(byTime);
	const cache = new Map<string, ReturnType<typeof assess>>();
	const cacheKey = cacheKeyOf(lib);
	const found = new Map<string, { reason: string; episodes: Map<string, Episode> }>();
	for (const facts of factsOf(lib, episodes, lang)) {
		const key = cacheKey(facts.input);
		let result = cache.get(key);
		if (!result) cache.set(key, (result = assess(lib, facts.input)));
		for (const reason of result.reasons) {
			const rule = lib.rules.get(reason.id);
			// a rule without a frequency is credited to the single episodes that fire it
			if (!rule || (facts.counted && rule.when.perWeekAtLeast === undefined)) continue;
			const f = found.get(rule.id) ?? { reason: reason.text, episodes: new Map() };
			for (const e of facts.episodes) f.episodes.set(e.id, e);
			found.set(rule.id, f);
		}
	}
	const levelOf = (care: string) => lib.care.get(care)!.level;
	const findings: Finding[] = [...found]
		.map(([id, f]) => {
			const care = lib.rules.get(id)!.care;
			return { rule: id, care, urgency: levelOf(care), reason: f.reason, episodes: [...f.episodes.values()].sort(byTime).map((e) => e.id) };
		})
		.sort((a, b) => rank(b.urgency) - rank(a.urgency) || a.rule.localeCompare(b.rule));
	const urgency: Urgency = findings[0]?.urgency ?? 'self-care';
	const specialists = findings.map((f) => lib.care.get(f.care)!.specialist);
	// the engine's order: emergency services first, then the vein specialist, then a GP
	const specialist: Specialist | null =
		urgency === 'emergency' ? null : specialists.includes('phlebologist') ? 'phlebologist' : specialists.includes('gp') ? 'gp' : null;
	const ifWorse = findings.length
		? []
		: assess(lib, { lang, episode: { durationMinutes: null, perWeek: null, situation: SITUATIONS[0] }, factors: [], signs: [] }).ifWorse;
	return { urgency, specialist, findings, ifWorse };
}
