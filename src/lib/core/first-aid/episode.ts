// A first-aid episode kept on the device for the cramp diary to import once it exists.
// The browser stores the list as JSON under EPISODES_KEY; this module is the only
// place that knows its shape, so the diary reads it with the same schema.
// zod/mini: the same zod, tree-shaken for the first-aid page's JavaScript budget.
import { z } from 'zod/mini';
import { ID_PATTERN } from '../content/id';

/** localStorage key; the version lets a later format live beside this one. */
export const EPISODES_KEY = 'fitnavigator.first-aid.episodes.v1';
/** Where first aid puts stored entries it cannot read before it writes, so none is lost. */
export const UNREADABLE_EPISODES_KEY = 'fitnavigator.first-aid.episodes.unreadable';
/** Enough for months of nightly cramps; the oldest are dropped beyond it. */
export const MAX_EPISODES = 500;

export const episodeSchema = z.strictObject({
	startedAt: z.iso.datetime(),
	durationSeconds: z.int().check(z.minimum(0), z.maximum(24 * 3600)),
	/** The sequence id the reader picked ("bed", "standing", …). */
	situation: z.string().check(z.regex(ID_PATTERN)),
	/**
	 * `gone`: the reader said the cramp passed; `completed`: the sequence ran to its end;
	 * `time-limit`: the cramp outlasted the 10-minute rule; `repeat-limit`: the pain came back
	 * more often than the dose allows. The last two sent the reader to a doctor today.
	 */
	outcome: z.enum(['gone', 'completed', 'time-limit', 'repeat-limit']),
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

/** The stored entries that are not episodes (or the whole text, when it is not a JSON list). */
export function unreadableEpisodes(raw: string | null): unknown[] {
	if (!raw) return [];
	try {
		const data: unknown = JSON.parse(raw);
		return Array.isArray(data) ? data.filter((e) => !episodeSchema.safeParse(e).success) : [raw];
	} catch {
		return [raw];
	}
}

/**
 * The stored text with `episode` added (validated: a bad episode is a bug and throws). The
 * readable entries stay; an episode with the same start replaces the earlier one, so a
 * session kept again after "Start again" is one episode, not two.
 */
export function addEpisode(raw: string | null, episode: Episode): string {
	const parsed = episodeSchema.parse(episode);
	let data: unknown = [];
	try {
		data = raw ? JSON.parse(raw) : [];
	} catch {
		// unreadable text: the caller keeps it aside (unreadableEpisodes) before writing
	}
	const kept = (Array.isArray(data) ? data : []).flatMap((e) => {
		const read = episodeSchema.safeParse(e);
		return read.success && read.data.startedAt !== parsed.startedAt ? [read.data] : [];
	});
	return JSON.stringify([...kept, parsed].slice(-MAX_EPISODES));
}
