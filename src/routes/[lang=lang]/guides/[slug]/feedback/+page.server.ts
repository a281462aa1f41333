import { error, fail } from '@sveltejs/kit';
import { feedbackFromForm, feedbackProblem } from '$lib/core/feedback';
import { err, ok } from '$lib/core/result';
import { findGuide } from '$lib/server/content';
import { castVote } from '$lib/server/feedback';
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
		const answer = feedbackFromForm(await request.formData(), params.lang);
		const typed = answer.step === 'submit' ? answer.comment : '';
		const cast = await castVote(params.slug, event, async () => {
			if (answer.step === 'comment') return err(null);
			return answer.parsed.success ? ok(answer.parsed.data) : err(feedbackProblem(answer.parsed.error));
		});
		if (cast.ok) return { step: 'thanks' as const };
		const refusal = cast.error;
		if (refusal.code === 'not_found') error(404, 'Not found');
		if (refusal.code === 'no_vote') {
			// "No" without a comment yet: the next step asks what to improve.
			if (refusal.reason === null) return { step: 'comment' as const };
			// Keep what they typed so nothing is lost while they fix it.
			return fail(400, {
				step: refusal.reason === 'helpful' ? ('ask' as const) : ('comment' as const),
				comment: typed,
				error: `feedback.error.${refusal.reason}` as const
			});
		}
		// Back to the step they were on, with what they typed, so they can simply send again.
		const retry = { step: refusal.vote.helpful ? ('ask' as const) : ('comment' as const), comment: typed };
		if (refusal.code === 'rate_limited') return fail(429, { ...retry, error: 'feedback.error.rate' as const });
		return fail(503, { ...retry, error: 'feedback.error.failed' as const });
	}
} satisfies Actions;
