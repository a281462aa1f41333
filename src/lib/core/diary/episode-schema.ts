// The schema of a diary episode (see episode.ts for what the fields mean).
// zod/mini: the same zod, tree-shaken; still loaded only when an entry is stored or read.
import { z } from 'zod/mini';
// the id lists from their zod-free module: content/schema.ts would bring full zod and every content schema
import { FACTORS, MAX_DURATION_MINUTES, SIGNS, SITUATIONS } from '../content/vocabulary';
import { episodeSchema as firstAidEpisodeSchema } from '../first-aid/episode';
import { EPISODE_VERSION, LEGS, MAX_NOTE, MUSCLES, ORIGINS } from './episode-fields';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// eslint-disable-next-line no-control-regex
const NOTE = /^$|^(?=[^]*\S)[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

export const episodeSchema = z.strictObject({
	version: z.literal(EPISODE_VERSION),
	id: z.string().check(z.regex(/^[A-Za-z0-9-]{6,64}$/)),
	/** Local calendar day and clock time where the reader was. */
	day: z.string().check(z.regex(DAY)),
	time: z.string().check(z.regex(TIME)),
	/** Minutes east of UTC at that moment (+180 in Moscow, −300 in New York in winter). */
	offsetMinutes: z.int().check(z.minimum(-14 * 60), z.maximum(14 * 60)),
	leg: z.enum(LEGS),
	muscle: z.enum(MUSCLES),
	durationMinutes: z.number().check(z.positive(), z.maximum(MAX_DURATION_MINUTES)),
	intensity: z.int().check(z.minimum(0), z.maximum(10)),
	situation: z.enum(SITUATIONS),
	factors: z.array(z.enum(FACTORS)),
	signs: z.array(z.enum(SIGNS)),
	/**
	 * Empty, or text with something in it besides spaces, and no control characters but
	 * tab and line breaks: what a reader types, and what every file format can carry exactly.
	 */
	note: z.string().check(z.maxLength(MAX_NOTE), z.regex(NOTE)),
	origin: z.enum(ORIGINS),
	/** For an episode handed over by first aid: its start, so it is imported once. */
	firstAidStartedAt: z.optional(z.iso.datetime()),
	/** How that first-aid session ended; `time-limit` and `repeat-limit` sent the reader to a doctor today. */
	firstAidOutcome: z.optional(firstAidEpisodeSchema.shape.outcome)
});
export type Episode = z.infer<typeof episodeSchema>;
export type Leg = Episode['leg'];
export type Muscle = Episode['muscle'];
