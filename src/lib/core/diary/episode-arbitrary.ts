// Any episode the schema accepts, for property tests: every field over its whole range,
// notes with quotes, commas, line breaks, emoji and Cyrillic, optional fields present or not.
import fc from 'fast-check';
import { MAX_DURATION_MINUTES } from '../assessment/input';
import { FACTORS, SIGNS, SITUATIONS } from '../content/schema';
import { EPISODE_VERSION, LEGS, MAX_NOTE, MUSCLES, ORIGINS, type Episode } from './episode';
import { episodeSchema as firstAidEpisodeSchema } from '../first-aid/episode';
import { episodeSchema } from './episode-schema';

/** The fields an episode always has, from the schema: the others are generated present or not. */
const REQUIRED = (Object.keys(episodeSchema.shape) as (keyof Episode)[]).filter((k) => episodeSchema.shape[k]._zod.optin !== 'optional');
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const pad = (n: number) => String(n).padStart(2, '0');
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

export const arbitraryEpisode: fc.Arbitrary<Episode> = fc
	.record(
		{
			version: fc.constant(EPISODE_VERSION),
			id: fc.stringMatching(/^[A-Za-z0-9-]{6,64}$/),
			day: instant.map((d) => d.toISOString().slice(0, 10)),
			time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`),
			offsetMinutes: fc.integer({ min: -14 * 60, max: 14 * 60 }),
			leg: fc.constantFrom(...LEGS),
			muscle: fc.constantFrom(...MUSCLES),
			durationMinutes: fc.double({ min: Number.MIN_VALUE, max: MAX_DURATION_MINUTES, noNaN: true }),
			intensity: fc.integer({ min: 0, max: 10 }),
			situation: fc.constantFrom(...SITUATIONS),
			factors: fc.subarray([...FACTORS]),
			signs: fc.subarray([...SIGNS]),
			note: fc
				.oneof(
					fc.string({ unit: 'grapheme', maxLength: 40 }),
					fc.string({ unit: fc.constantFrom('"', ',', ';', '\r', '\n', '\r\n', '\t', '=', ' ', 'ё', 'Я', '🦵', 'a'), maxLength: 30 }),
					fc.string({ unit: 'binary', minLength: MAX_NOTE - 5, maxLength: MAX_NOTE })
				)
				// what the schema takes: no control characters but tab and line breaks, not only spaces
				.map((s) => s.slice(0, MAX_NOTE).replace(CONTROL, ''))
				.map((s) => (s.trim() === '' ? '' : s)),
			origin: fc.constantFrom(...ORIGINS),
			firstAidStartedAt: instant.map((d) => d.toISOString()),
			firstAidOutcome: fc.constantFrom(...firstAidEpisodeSchema.shape.outcome.options)
		},
		{ requiredKeys: REQUIRED }
	)
	.map((e) => e as Episode);

/** A diary: episodes with distinct ids. */
export const arbitraryDiary = fc.uniqueArray(arbitraryEpisode, { selector: (e) => e.id, maxLength: 8 });
