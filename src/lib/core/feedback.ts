// What a reader may send about a guide. The same schema checks the JSON API and the
// plain form post, so both give the same answer to the same input.
import { z } from 'zod';
import { langSchema } from './content/schema';

export const COMMENT_MAX = 2000;

export const feedbackSchema = z.strictObject({
	lang: langSchema,
	helpful: z.boolean(),
	comment: z
		.string()
		.max(COMMENT_MAX, `must be at most ${COMMENT_MAX} characters`)
		// NUL cannot be stored in PostgreSQL text; it never belongs in a comment.
		.refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
		// A lone surrogate has no UTF-8 form: storing it would silently change the text.
		.refine((s) => !/\p{Cs}/u.test(s), 'must be valid Unicode text')
		.transform((s) => s.trim())
		.optional()
});
export type FeedbackInput = z.infer<typeof feedbackSchema>;

/** The votes on a guide so far, as the API answers them. */
export const feedbackSummarySchema = z.strictObject({ yes: z.int().min(0), no: z.int().min(0) });
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>;

export type FeedbackStep = 'ask' | 'comment' | 'thanks';

/**
 * Reads the no-JavaScript feedback form. "No" without a comment field is the first
 * step (ask what to improve); everything else is a complete answer to validate.
 */
export function feedbackFromForm(form: FormData, lang: FeedbackInput['lang']) {
	const helpful = form.get('helpful');
	const comment = form.get('comment');
	if (helpful === 'no' && comment === null) return { step: 'comment' as const };
	return {
		step: 'submit' as const,
		parsed: feedbackSchema.safeParse({
			lang,
			helpful: helpful === 'yes' ? true : helpful === 'no' ? false : helpful,
			comment: typeof comment === 'string' && comment.trim() ? comment : undefined
		}),
		comment: typeof comment === 'string' ? comment : ''
	};
}

/** What the reader must fix in a refused form answer (each has its own message). */
export type FeedbackProblem = 'helpful' | 'comment' | 'characters';

export function feedbackProblem(error: z.ZodError): FeedbackProblem {
	const issue = error.issues[0];
	if (issue.path[0] !== 'comment') return 'helpful';
	return issue.code === 'too_big' ? 'comment' : 'characters';
}
