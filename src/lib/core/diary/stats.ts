// Plain counts over the diary for the charts and the doctor's report. Days are the
// reader's local days (see episode.ts), so weeks never shift with clocks or travel.
import type { Plan } from '../plan';
import { addDays, dayNumber, type Episode } from './episode';

/** Monday of the week `day` falls in (1970-01-01, day 0, was a Thursday). */
export const weekStart = (day: string): string => addDays(day, -((dayNumber(day) + 3) % 7));

/** Episodes with `from` ≤ day ≤ `to`. */
export const within = (episodes: Episode[], from: string, to: string): Episode[] => episodes.filter((e) => e.day >= from && e.day <= to);

export type Week = { start: string; episodes: number; minutes: number };

/** Monday-based week number since 1970 (day 0, 1970-01-01, was a Thursday). */
const weekNumber = (day: string): number => Math.floor((dayNumber(day) + 3) / 7);

/** The Mondays of the `weeks` weeks up to and including the week of `today`, oldest first. */
export function weekStarts(today: string, weeks: number): string[] {
	const last = weekStart(today);
	return Array.from({ length: weeks }, (_, i) => addDays(last, -7 * (weeks - 1 - i)));
}

/** The `weeks` Monday-to-Sunday weeks up to and including the week of `today`, oldest first. */
export function weeklyCounts(episodes: Episode[], today: string, weeks = 12): Week[] {
	const first = weekNumber(weekStart(today)) - (weeks - 1);
	const list = weekStarts(today, weeks).map((start) => ({ start, episodes: 0, minutes: 0 }));
	for (const e of episodes) {
		const w = list[weekNumber(e.day) - first];
		if (!w) continue;
		w.episodes++;
		w.minutes += e.durationMinutes;
	}
	return list;
}

export type Summary = {
	episodes: number;
	longest: Episode | null;
	averageMinutes: number | null;
	averageIntensity: number | null;
	/** Clock hours of the night (22:00–05:59) against the rest of the day. */
	night: number;
	day: number;
	/** How many episodes each logged factor or sign came with, most first. */
	factors: { id: string; episodes: number }[];
	signs: { id: string; episodes: number }[];
};

const NIGHT_FROM = 22;
const NIGHT_TO = 6;
const round1 = (n: number) => Math.round(n * 10) / 10;

function tally(lists: string[][]): { id: string; episodes: number }[] {
	const counts = new Map<string, number>();
	for (const list of lists) for (const id of list) counts.set(id, (counts.get(id) ?? 0) + 1);
	return [...counts].map(([id, episodes]) => ({ id, episodes })).sort((a, b) => b.episodes - a.episodes || a.id.localeCompare(b.id));
}

export function summarize(episodes: Episode[]): Summary {
	let longest: Episode | null = null;
	let minutes = 0;
	let intensity = 0;
	let night = 0;
	for (const e of episodes) {
		if (!longest || e.durationMinutes > longest.durationMinutes) longest = e;
		minutes += e.durationMinutes;
		intensity += e.intensity;
		const hour = Number(e.time.slice(0, 2));
		if (hour >= NIGHT_FROM || hour < NIGHT_TO) night++;
	}
	const n = episodes.length;
	return {
		episodes: n,
		longest,
		averageMinutes: n ? round1(minutes / n) : null,
		averageIntensity: n ? round1(intensity / n) : null,
		night,
		day: n - night,
		factors: tally(episodes.map((e) => e.factors)),
		signs: tally(episodes.map((e) => e.signs))
	};
}

export type Adherence = {
	/** Weeks (since the plan was made) with the plan ticked on at least KEPT_DAYS days. */
	kept: { weeks: number; perWeek: number | null };
	other: { weeks: number; perWeek: number | null };
};
/** "Most days": five of seven. */
export const KEPT_DAYS = 5;

/**
 * Episodes per week in weeks the plan was kept against the other weeks: counts, no cause.
 * Only days from `from` (or the plan's first day, whichever is later) to `to` count: a
 * report over 4 weeks says nothing about the weeks before it. A week cut by either end
 * counts for the days it has inside: "kept" needs ticks on 5 of every 7 of those days, and
 * the rate is episodes per 7 days counted.
 */
export function adherence(episodes: Episode[], plan: Plan, to: string, from?: string): Adherence {
	const first = from && from > plan.createdOn ? from : plan.createdOn;
	const none = { kept: { weeks: 0, perWeek: null }, other: { weeks: 0, perWeek: null } };
	if (first > to) return none;
	const weeks = Math.floor((dayNumber(weekStart(to)) - dayNumber(weekStart(first))) / 7) + 1;
	const list = weeklyCounts(within(episodes, first, to), to, weeks);
	// ticked days per week, counted once from the plan rather than day by day per week
	const firstWeek = weekNumber(list[0].start);
	const ticked = new Array<number>(list.length).fill(0);
	for (const [day, done] of Object.entries(plan.ticks)) {
		const i = weekNumber(day) - firstWeek;
		if (done.length > 0 && day >= first && day <= to && i >= 0 && i < ticked.length) ticked[i]++;
	}
	const kept = { weeks: 0, days: 0, episodes: 0 };
	const other = { weeks: 0, days: 0, episodes: 0 };
	list.forEach((w, i) => {
		const start = Math.max(dayNumber(w.start), dayNumber(first));
		const end = Math.min(dayNumber(w.start) + 6, dayNumber(to));
		const inside = end - start + 1;
		const bucket = ticked[i] >= Math.ceil((KEPT_DAYS * inside) / 7) ? kept : other;
		bucket.weeks++;
		bucket.days += inside;
		bucket.episodes += w.episodes;
	});
	const rate = (b: { weeks: number; days: number; episodes: number }) => ({
		weeks: b.weeks,
		perWeek: b.weeks ? round1((b.episodes * 7) / b.days) : null
	});
	return { kept: rate(kept), other: rate(other) };
}

/** Every figure of the doctor's report, over `from`…`to` only. */
export function reportFigures(episodes: Episode[], from: string, to: string, plan: Plan | undefined) {
	const inPeriod = within(episodes, from, to);
	const weeks = Math.floor((dayNumber(weekStart(to)) - dayNumber(weekStart(from))) / 7) + 1;
	return {
		episodes: inPeriod,
		summary: summarize(inPeriod),
		weeks: weeklyCounts(inPeriod, to, weeks),
		adherence: plan && adherence(inPeriod, plan, to, from)
	};
}
