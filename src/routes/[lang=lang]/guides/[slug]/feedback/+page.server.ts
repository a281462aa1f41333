import { error, fail } from '@sveltejs/kit';
import { feedbackFromForm, feedbackProblem } from '$lib/core/feedback';
import { findGuide } from '$lib/server/content';
import { withDatabase } from '$lib/server/db/unavailable';
import { recordFeedback } from '$lib/server/feedback';
import { clientOf, feedbackRateLimiter } from '$lib/server/rate-limit';
import type { Actions, PageServerLoad } from './$types';

// Reading pages ship no framework JavaScript: static HTML is fastest on a weak signal.
export const csr = false;

// The no-JavaScript path of the feedback widget: a plain form post, answered with a page.
export const prerender = false;

export const load = (({ params }) => {
	const guide = findGuide(params.slug);
	if (!guide) error(404, 'Not found');
	return { slug: guide.slug, title: guide.title[params.lang] };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { params, request } = event;
		if (!findGuide(params.slug)) error(404, 'Not found');
		const answer = feedbackFromForm(await request.formData(), params.lang);
		if (answer.step === 'comment') return { step: 'comment' as const };
		if (!answer.parsed.success) {
			const problem = feedbackProblem(answer.parsed.error);
			// Keep what they typed so nothing is lost while they fix it.
			return fail(400, {
				step: problem === 'helpful' ? ('ask' as const) : ('comment' as const),
				comment: answer.comment,
				error: `feedback.error.${problem}` as const
			});
		}
		const vote = answer.parsed.data;
		// Back to the step they were on, with what they typed, so they can simply send again.
		const retry = { step: vote.helpful ? ('ask' as const) : ('comment' as const), comment: answer.comment };
		const rate = await (await feedbackRateLimiter())(clientOf(event));
		if (!rate.admitted) return fail(429, { ...retry, error: 'feedback.error.rate' as const });
		const stored = await withDatabase((db) => recordFeedback(db, params.slug, vote));
		if (!stored.ok) return fail(503, { ...retry, error: 'feedback.error.failed' as const });
		return { step: 'thanks' as const };
	}
} satisfies Actions;
