// The pattern monitor: the diary read as one answer to the self-check, judged by the
// self-check's own engine. The entries in the window become the self-check's input — every
// factor and sign logged, the longest cramp, the most cramps in any 7 days — and the answer
// (level, cards, their order, the specialist, "if it gets worse") is the engine's, untouched.
// No threshold and no ordering lives here: the rules, their numbers and cards are content.
import { assess, lowerFirst, type Assessment, type SafetyNet, type Specialist } from '../assessment/engine';
import type { AgeGroup, AssessmentInput, Situation } from '../assessment/input';
import type { Library } from '../content/library';
import type { Lang, Rule, Urgency } from '../content/schema';
import { URGENCY_LEVELS } from '../content/urgency';
import { SITUATIONS } from '../content/vocabulary';
import { dayNumber, instantOf, type Episode } from './episode';
import { isSafetyStop } from '../first-aid/session';
import { minutesOver } from './first-aid';

/** The self-check's "per week" read over the diary: any 7 consecutive local days. */
export const WINDOW_DAYS = 7;
/** A sign logged longer ago than this is history: the diary asks whether it is still there. */
export const FRESH_DAYS = 7;

export type MonitorOptions = {
	/** The reader's age group as the diary asked it; the self-check's default until they say. */
	ageGroup?: AgeGroup;
	/** The reader's local day; without it every logged sign counts as current (e.g. a report's period). */
	today?: string;
};

/** A rule the window meets. `episodes`: the entries behind it; `precaution`: set when the rule is our own precaution. */
export type Finding = { rule: string; care: string; urgency: Urgency; reason: string; precaution?: string; episodes: string[] };
/** A rule met only by signs logged more than FRESH_DAYS ago: shown as "if it is still there", not as "now". `labels`: the signs as a sentence names them. */
export type Earlier = { rule: string; care: string; urgency: Urgency; signs: string[]; labels: string[]; episodes: string[] };
export type Pattern = {
	/** The window held no entry at all (not the same as entries that meet no rule). */
	empty: boolean;
	ageGroup: AgeGroup;
	urgency: Urgency;
	specialist: Specialist | null;
	/** The engine's cards, most urgent first. */
	care: string[];
	findings: Finding[];
	earlier: Earlier[];
	/** The engine's safety net for this answer: what would change it. */
	ifWorse: SafetyNet[];
};

const rank = (u: Urgency) => URGENCY_LEVELS.indexOf(u);

/**
 * The cramp as the self-check would count it. A first-aid stop reads as lasting past the limit
 * of the rule the sessions stop on (content/sequences), so it meets the very rule whose card
 * first aid showed, whatever the clock said when the pain kept coming back.
 */
function lengthOf(lib: Library): (e: Episode) => number {
	const limits = [...lib.sequences.values()].flatMap((s) => lib.rules.get(s.timeLimit)?.when.durationMinutesAbove ?? []);
	const stop = limits.length ? minutesOver(Math.max(...limits) * 60) : 0;
	return (e) => (isSafetyStop(e.firstAidOutcome) ? Math.max(e.durationMinutes, stop) : e.durationMinutes);
}

/** The entries of the 7 consecutive days with the most cramps (the latest such days on a tie). */
function busiestWeek(episodes: Episode[]): Episode[] {
	const dayOf = episodes.map((e) => dayNumber(e.day));
	let best: [number, number] = [0, 0];
	for (let start = 0, stop = 0; stop < episodes.length; stop++) {
		while (dayOf[start] <= dayOf[stop] - WINDOW_DAYS) start++;
		if (stop + 1 - start >= best[1] - best[0]) best = [start, stop + 1];
	}
	return episodes.slice(...best);
}

type Window = { episodes: Episode[]; length: (e: Episode) => number; week: Set<Episode>; ageGroup: AgeGroup; lang: Lang };

/** The self-check's input that says what `signed` entries (for signs) and the whole window (for the rest) say. */
function inputOf(
	w: Window,
	signed: Episode[]
): Omit<AssessmentInput, 'episode'> & { episode: Omit<AssessmentInput['episode'], 'situation'> } {
	const union = <T>(list: T[]) => [...new Set(list)];
	return {
		lang: w.lang,
		episode: {
			durationMinutes: w.episodes.length ? w.episodes.reduce((longest, e) => Math.max(longest, w.length(e)), 0) : null,
			perWeek: w.episodes.length ? w.week.size : null
		},
		factors: union(w.episodes.flatMap((e) => e.factors)),
		signs: union(signed.flatMap((e) => e.signs)),
		ageGroup: w.ageGroup
	};
}

/**
 * The engine's answer for the window. The self-check takes one situation: each one logged is
 * asked, and the most urgent answer stands (on a tie, the situation logged last).
 */
function answerOf(lib: Library, w: Window, signed: Episode[]): Assessment {
	const input = inputOf(w, signed);
	const latestFirst: Situation[] = [...new Set(w.episodes.map((e) => e.situation).reverse())];
	const answers = (latestFirst.length ? latestFirst : [SITUATIONS[0]]).map((situation) =>
		assess(lib, { ...input, episode: { ...input.episode, situation } })
	);
	return answers.reduce((best, a) => (rank(a.urgency) > rank(best.urgency) ? a : best));
}

/**
 * Whether `e` carries something `rule` reacts to: one of its answers (its signs only when
 * `signed`), a length past its limit, a cramp in the counted week.
 */
function behind(rule: Rule, e: Episode, w: Window, signed: boolean): boolean {
	const { when } = rule;
	return (
		(signed && !!when.signs?.some((s) => e.signs.includes(s))) ||
		!!when.factors?.some((f) => e.factors.includes(f)) ||
		(when.durationMinutesAbove !== undefined && w.length(e) > when.durationMinutesAbove) ||
		(when.perWeekAtLeast !== undefined && w.week.has(e))
	);
}

/** The pattern in `diary` (any order), judged by the self-check's engine over `lib`. */
export function monitor(lib: Library, diary: Episode[], lang: Lang, options: MonitorOptions = {}): Pattern {
	// each instant once: parsing dates inside the sort's comparisons dominated on big diaries
	const episodes = diary
		.map((e) => ({ e, at: instantOf(e) }))
		.sort((a, b) => a.at - b.at || a.e.id.localeCompare(b.e.id))
		.map((x) => x.e);
	const ageGroup = options.ageGroup ?? 'adult';
	const w: Window = { episodes, length: lengthOf(lib), week: new Set(busiestWeek(episodes)), ageGroup, lang };
	const today = options.today;
	const fresh = new Set(today === undefined ? episodes : episodes.filter((e) => dayNumber(today) - dayNumber(e.day) <= FRESH_DAYS));
	const old = episodes.filter((e) => !fresh.has(e));

	const now = answerOf(lib, w, [...fresh]);
	const rulesOf = (a: Assessment) => a.reasons.flatMap((r) => (lib.rules.has(r.id) ? [{ reason: r, rule: lib.rules.get(r.id)! }] : []));
	const levelOf = (care: string) => lib.care.get(care)!.level;
	const findings: Finding[] = rulesOf(now).map(({ reason, rule }) => ({
		rule: rule.id,
		care: rule.care,
		urgency: levelOf(rule.care),
		reason: reason.text,
		...(reason.precaution && { precaution: reason.precaution }),
		episodes: episodes.filter((e) => behind(rule, e, w, fresh.has(e))).map((e) => e.id)
	}));

	// what the old signs would mean if they are still there: the rules only they add
	const met = new Set(findings.map((f) => f.rule));
	const earlier: Earlier[] = old.some((e) => e.signs.length)
		? rulesOf(answerOf(lib, w, episodes))
				.filter(({ rule }) => !met.has(rule.id))
				.map(({ rule }) => {
					const logged = old.filter((e) => rule.when.signs?.some((s) => e.signs.includes(s)));
					const signs = [...new Set(logged.flatMap((e) => e.signs.filter((s) => rule.when.signs!.includes(s))))];
					const labels = signs.map((s) => lowerFirst(lib.signs.get(s)!.label[lang]));
					return { rule: rule.id, care: rule.care, urgency: levelOf(rule.care), signs, labels, episodes: logged.map((e) => e.id) };
				})
		: [];

	return {
		empty: !episodes.length,
		ageGroup,
		urgency: now.urgency,
		specialist: now.specialist,
		care: now.care,
		findings,
		earlier,
		ifWorse: now.ifWorse
	};
}
