// A first-aid episode kept on the device for the cramp diary to import once it exists.
// The browser stores the list as JSON under EPISODES_KEY; this module is the only
// place that knows its shape, so the diary reads it with the same schema.
// zod/mini: the same zod, tree-shaken for the first-aid page's JavaScript budget.
import { z } from 'zod/mini';
import { ID_PATTERN } from '../content/id';

/** localStorage key; the version lets a later format live beside this one. */
export const EPISODES_KEY = 'fitnavigator.first-aid.episodes.v1';
/** Enough for months of nightly cramps; the oldest are dropped beyond it. */
export const MAX_EPISODES = 500;

export const episodeSchema = z.strictObject({
	startedAt: z.iso.datetime(),
	durationSeconds: z.int().check(z.minimum(0), z.maximum(24 * 3600)),
	/** The sequence id the reader picked ("bed", "standing", …). */
	situation: z.string().check(z.regex(ID_PATTERN)),
	/** `gone`: the reader said the cramp passed; `completed`: the sequence ran to its end. */
	outcome: z.enum(['gone', 'completed']),
	/** The answer to "Did it help?"; null when the reader did not say. */
	helped: z.nullable(z.boolean())
});
export type Episode = z.infer<typeof episodeSchema>;

const storedSchema = z.array(episodeSchema);

/** The stored episodes; anything unreadable counts as none rather than breaking first aid. */
export function readEpisodes(raw: string | null): Episode[] {
	if (!raw) return [];
	try {
		const parsed = storedSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : [];
	} catch {
		return [];
	}
}

/** The stored text with `episode` appended (validated: a bad episode is a bug and throws). */
export function addEpisode(raw: string | null, episode: Episode): string {
	return JSON.stringify([...readEpisodes(raw), episodeSchema.parse(episode)].slice(-MAX_EPISODES));
}
