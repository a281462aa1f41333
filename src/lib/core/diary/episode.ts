// A diary episode: one cramp as the reader logged it. It keeps the reader's local
// calendar day and clock time plus the UTC offset at that moment, so it stays on the day
// it happened across DST changes and travel, and still sorts by the real instant.
// This module has no zod (nor anything that loads it), so the page can use it at once;
// the schema is in episode-schema.ts, loaded when something is stored or read.
import { EPISODE_VERSION } from './episode-fields';
import type { Episode } from './episode-schema';

export type { Episode, Leg, Muscle } from './episode-schema';

export { EPISODE_VERSION, LEGS, MAX_NOTE, MUSCLES, ORIGINS } from './episode-fields';

const pad = (n: number) => String(n).padStart(2, '0');

/** Day, time and offset of `date` in the runtime's time zone (the reader's, in a browser). */
export function localMoment(date: Date): Pick<Episode, 'day' | 'time' | 'offsetMinutes'> {
	return {
		day: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
		time: `${pad(date.getHours())}:${pad(date.getMinutes())}`,
		offsetMinutes: -date.getTimezoneOffset()
	};
}

/** The real instant (ms since 1970) the episode started. */
export const instantOf = (e: Pick<Episode, 'day' | 'time' | 'offsetMinutes'>): number =>
	Date.parse(`${e.day}T${e.time}:00Z`) - e.offsetMinutes * 60_000;

/** ISO 8601 with the reader's offset, e.g. 2026-03-29T02:30:00+03:00. */
export function isoWithOffset(e: Pick<Episode, 'day' | 'time' | 'offsetMinutes'>): string {
	const sign = e.offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(e.offsetMinutes);
	return `${e.day}T${e.time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Whole days since 1970-01-01 for a local day: day arithmetic without clocks or DST. */
export const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
export const dayFromNumber = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);
export const addDays = (day: string, days: number): string => dayFromNumber(dayNumber(day) + days);

/** Oldest first, by the real instant; ties keep their id order so sorting is stable. */
export const byTime = (a: Episode, b: Episode): number => instantOf(a) - instantOf(b) || a.id.localeCompare(b.id);

/**
 * The list's order: newest local day first (after travel a day's entries stay together under
 * that day), within a day the latest instant first, then by id.
 */
export const newestFirst = (a: Episode, b: Episode): number =>
	a.day === b.day ? instantOf(b) - instantOf(a) || b.id.localeCompare(a.id) : a.day < b.day ? 1 : -1;

/** An episode with its instant worked out once, for sorting and merging tens of thousands. */
export type Timed = { e: Episode; at: number };
const timedNewestFirst = (a: Timed, b: Timed): number =>
	a.e.day === b.e.day ? b.at - a.at || b.e.id.localeCompare(a.e.id) : a.e.day < b.e.day ? 1 : -1;

/** A batch in `newestFirst` order, each instant worked out once rather than once per comparison. */
export const sortTimed = (batch: Episode[]): Timed[] => batch.map((e) => ({ e, at: instantOf(e) })).sort(timedNewestFirst);

/** Two lists already in `newestFirst` order as one, in one pass: the diary is read a batch at a time. */
export function mergeTimed(a: Timed[], b: Timed[]): Timed[] {
	const out: Timed[] = new Array(a.length + b.length);
	let i = 0;
	let j = 0;
	let k = 0;
	while (i < a.length && j < b.length) out[k++] = timedNewestFirst(a[i], b[j]) <= 0 ? a[i++] : b[j++];
	while (i < a.length) out[k++] = a[i++];
	while (j < b.length) out[k++] = b[j++];
	return out;
}

/** `list` (in `newestFirst` order) with `e` put in its place, found by halving: no sort of the whole list. */
export function insertNewestFirst(list: Episode[], e: Episode): Episode[] {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (newestFirst(list[mid], e) <= 0) lo = mid + 1;
		else hi = mid;
	}
	return [...list.slice(0, lo), e, ...list.slice(lo)];
}

/** A random id; crypto.randomUUID exists in every browser the app supports and in Node. */
export const newId = (): string => crypto.randomUUID();

/** Defaults for a quick log: now, the left calf, a couple of minutes, at night if it is night. */
export function draftEpisode(now: Date): Episode {
	const moment = localMoment(now);
	const hour = now.getHours();
	return {
		version: EPISODE_VERSION,
		id: newId(),
		...moment,
		leg: 'left',
		muscle: 'calf',
		durationMinutes: 2,
		intensity: 5,
		// a guess the reader changes with one tap: most cramps come at night
		situation: hour >= 21 || hour < 8 ? 'night' : 'rest',
		factors: [],
		signs: [],
		note: '',
		origin: 'diary'
	};
}
