// What the self-check asks. One schema checks the JSON API and the form post, so both
// give the same answer to the same input.
import { z } from 'zod';
import { AGE_GROUPS, FACTORS, langSchema, SIGNS, SITUATIONS } from '../content/schema';
import { MAX_DURATION_MINUTES } from '../content/vocabulary';

// in vocabulary.ts, so the diary's episode schema takes it without full zod
export { MAX_DURATION_MINUTES };
export const MAX_PER_WEEK = 100;

const known = <T extends readonly [string, ...string[]]>(kind: string, ids: T) =>
	z.enum(ids, { error: (issue) => `unknown ${kind} "${String(issue.input)}"; use one of: ${ids.join(', ')}` });

export const assessmentInputSchema = z.strictObject({
	lang: langSchema.default('en'),
	episode: z.strictObject({
		/** null: the reader is not sure how long it lasted. */
		durationMinutes: z
			.number('must be a number of minutes, or null if not sure')
			.gt(0, 'must be more than 0 minutes')
			.max(MAX_DURATION_MINUTES, `must be at most ${MAX_DURATION_MINUTES} minutes`)
			.nullable(),
		/** null: the reader is not sure how often it happens. */
		perWeek: z
			.number('must be a whole number of cramps per week, or null if not sure')
			.int('must be a whole number')
			.min(0, 'must be 0 or more')
			.max(MAX_PER_WEEK, `must be at most ${MAX_PER_WEEK}`)
			.nullable(),
		situation: known('situation', SITUATIONS)
	}),
	factors: z.array(known('factor', FACTORS)).max(FACTORS.length, `at most ${FACTORS.length} factors`).default([]),
	signs: z.array(known('sign', SIGNS)).max(SIGNS.length, `at most ${SIGNS.length} signs`).default([]),
	/** child: under 16; older: 65 and over. Optional, so older callers keep working. */
	ageGroup: known('age group', AGE_GROUPS).default('adult')
});
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;
export type Situation = AssessmentInput['episode']['situation'];
export type AgeGroup = AssessmentInput['ageGroup'];
