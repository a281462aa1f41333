import { json } from '@sveltejs/kit';
import { feedbackSchema } from '$lib/core/feedback';
import { castVote } from '$lib/server/feedback';
import { apiError, readJson, serviceUnavailable, tooManyRequests } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const { params, request } = event;
	const cast = await castVote(params.slug, event, () => readJson(request, feedbackSchema));
	if (cast.ok) return json(cast.value, { status: 201 });
	switch (cast.error.code) {
		case 'not_found':
			return apiError(404, 'not_found', `No guide "${params.slug}"`);
		case 'no_vote':
			return cast.error.reason;
		case 'rate_limited':
			return tooManyRequests(cast.error.retryAfterSeconds);
		case 'unavailable':
			return serviceUnavailable();
	}
};
