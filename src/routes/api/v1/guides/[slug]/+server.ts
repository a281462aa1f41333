import { json } from '@sveltejs/kit';
import { guideData } from '$lib/server/content';
import { apiError, langParam } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const lang = langParam(url);
	if (!lang.ok) return lang.error;
	const guide = guideData(params.slug, lang.value);
	return guide ? json(guide) : apiError(404, 'not_found', `No guide "${params.slug}"`);
};
