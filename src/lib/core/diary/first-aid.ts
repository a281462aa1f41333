// Guided first aid keeps each finished session on the device; the diary takes each one
// in once, with its measured duration, and the reader adds the details.
import { readEpisodes, type Episode as FirstAidEpisode } from '../first-aid/episode';

export { EPISODES_KEY } from '../first-aid/episode';
import type { Situation } from '../assessment/input';
import { EPISODE_VERSION, localMoment, newId, type Episode } from './episode';

/**
 * First aid asks where the reader is, not the self-check's situation; this is our best
 * guess, which the details form shows for the reader to correct.
 */
const SITUATION_OF: Record<string, Situation> = { bed: 'night', standing: 'other', floor: 'rest', 'after-sport': 'sport' };

/** Minutes rounded up to a tenth, so a cramp of 10 min 1 s still counts as over 10 minutes. */
export const minutesOf = (seconds: number): number => Math.max(0.1, Math.ceil(seconds / 6) / 10);
/** For a cramp still there when first aid stopped: the next tenth above the measured time. */
export const minutesOver = (seconds: number): number => (Math.floor(seconds / 6) + 1) / 10;

/** First aid stopped because the cramp outlasted its limit: it lasted longer than the session. */
const lengthOf = (fa: FirstAidEpisode) => (fa.outcome === 'time-limit' ? minutesOver(fa.durationSeconds) : minutesOf(fa.durationSeconds));

export function fromFirstAid(fa: FirstAidEpisode, toLocal: (d: Date) => ReturnType<typeof localMoment> = localMoment): Episode {
	return {
		version: EPISODE_VERSION,
		id: newId(),
		...toLocal(new Date(fa.startedAt)),
		leg: 'left',
		muscle: 'calf',
		durationMinutes: lengthOf(fa),
		intensity: 5,
		situation: SITUATION_OF[fa.situation] ?? 'other',
		factors: [],
		signs: [],
		note: '',
		origin: 'first-aid',
		firstAidStartedAt: fa.startedAt,
		firstAidOutcome: fa.outcome
	};
}

/** The first-aid episodes (raw localStorage text) the diary does not hold yet, oldest first. */
export function newFromFirstAid(raw: string | null, diary: Pick<Episode, 'firstAidStartedAt'>[], toLocal = localMoment): Episode[] {
	const known = new Set(diary.map((e) => e.firstAidStartedAt).filter(Boolean));
	const fresh = new Map<string, FirstAidEpisode>();
	for (const fa of readEpisodes(raw)) if (!known.has(fa.startedAt)) fresh.set(fa.startedAt, fa);
	return [...fresh.values()].sort((a, b) => a.startedAt.localeCompare(b.startedAt)).map((fa) => fromFirstAid(fa, toLocal));
}
