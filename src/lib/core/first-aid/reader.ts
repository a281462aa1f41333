// What this device knows about its reader, for first aid and the diary: the age group the
// reader gave (kept as one literal word, so reading it needs no parser and first aid no
// schema library) and the answers saved with the prevention plan. Pure: the browser's
// storage is behind src/lib/browser/reader-store.ts.
import type { AgeGroup } from '../assessment/input';
import { fitKey } from './fit-key';
import type { FirstAidView, FitView, SequenceView } from './view';

/** localStorage key for the age group; anything but one of the exact words means "not asked yet". */
export const AGE_GROUP_KEY = 'fitnavigator.reader.age-group';

// A record, not a list: a new age group in the schema fails to compile here until it is added.
const KNOWN: Record<AgeGroup, true> = { child: true, adult: true, older: true };

export const readAgeGroup = (word: string | null | undefined): AgeGroup | undefined =>
	word && Object.hasOwn(KNOWN, word) ? (word as AgeGroup) : undefined;

/** The self-check's answers as the plan keeps them (strings from its form). */
export type SavedAnswers = { ageGroup?: string; factors: string[] };

/**
 * The facts first aid adapts to: the factors saved with the plan, the age group (the one the
 * reader gave last wins over the plan's), and what they said on first aid's first screen.
 * Signs saved with a plan are not read: they were true then, and first aid asks for them now.
 */
export function readerFacts(saved: SavedAnswers | undefined, ageGroup: AgeGroup | undefined, said: Iterable<string>): Set<string> {
	const age = ageGroup ?? readAgeGroup(saved?.ageGroup);
	return new Set([...(saved?.factors ?? []), ...(age ? [age] : []), ...said]);
}

/** The sequence as this reader should do it: swapped or left-out exercises, or as it is. */
export const fitFor = (view: Pick<FirstAidView, 'adapts'>, sequence: SequenceView, facts: ReadonlySet<string>): FitView =>
	sequence.fits[fitKey(view.adapts, facts)] ?? { exercises: sequence.exercises, leftOut: [] };
