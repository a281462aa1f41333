import { json } from '@sveltejs/kit';
import { guideData } from '$lib/server/content';
import { apiError, langParam } from '$lib/server/http';
import { guideReview } from '$lib/server/desk/reviews';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const lang = langParam(url);
	if (!lang.ok) return lang.error;
	const guide = guideData(params.slug, lang.value);
	// The review comes from the editorial desk, not the content: true only for this text.
	return guide ? json({ ...guide, review: guideReview(params.slug, lang.value) }) : apiError(404, 'not_found', `No guide "${params.slug}"`);
};
