// Guided first aid keeps each finished session on the device; the diary takes each one
// in once, with its measured duration, and the reader adds the details.
import { episodeSchema as firstAidSchema, type Episode as FirstAidEpisode } from '../first-aid/episode';

export { EPISODES_KEY } from '../first-aid/episode';
import type { Situation } from '../assessment/input';
import { EPISODE_VERSION, localMoment, newId, type Episode } from './episode';
import type { Damaged } from './records';

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

/** First aid's stored sessions the diary does not hold yet (oldest first), and those that cannot be read. */
export type FirstAidRecords = { fresh: Episode[]; unreadable: Damaged[] };

/**
 * Reads first aid's list (raw localStorage text) one record at a time: a record that fails
 * its schema is kept aside with the reason, and every good one still comes in.
 */
export function newFromFirstAid(raw: string | null, diary: Pick<Episode, 'firstAidStartedAt'>[], toLocal = localMoment): FirstAidRecords {
	const unreadable: Damaged[] = [];
	let list: unknown[] = [];
	if (raw) {
		try {
			const data: unknown = JSON.parse(raw);
			if (Array.isArray(data)) list = data;
			else unreadable.push({ key: 'first-aid', record: raw, problem: 'not a list' });
		} catch {
			unreadable.push({ key: 'first-aid', record: raw, problem: 'not JSON' });
		}
	}
	const known = new Set(diary.map((e) => e.firstAidStartedAt).filter(Boolean));
	const fresh = new Map<string, FirstAidEpisode>();
	list.forEach((record, i) => {
		const read = firstAidSchema.safeParse(record);
		if (!read.success) {
			const problem = read.error.issues.map((x) => `${x.path.join('.') || '(record)'}: ${x.message}`).join('; ');
			unreadable.push({ key: `first-aid-${i + 1}`, record, problem });
		} else if (!known.has(read.data.startedAt)) fresh.set(read.data.startedAt, read.data);
	});
	return {
		fresh: [...fresh.values()].sort((a, b) => a.startedAt.localeCompare(b.startedAt)).map((fa) => fromFirstAid(fa, toLocal)),
		unreadable
	};
}
