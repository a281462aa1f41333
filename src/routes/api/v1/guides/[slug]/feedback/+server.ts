import { json } from '@sveltejs/kit';
import { feedbackSchema } from '$lib/core/feedback';
import { findGuide } from '$lib/server/content';
import { withDatabase } from '$lib/server/db/unavailable';
import { recordFeedback } from '$lib/server/feedback';
import { apiError, readJson, serviceUnavailable, tooManyRequests } from '$lib/server/http';
import { clientOf, feedbackRateLimiter } from '$lib/server/rate-limit';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const { params, request } = event;
	if (!findGuide(params.slug)) return apiError(404, 'not_found', `No guide "${params.slug}"`);
	const body = await readJson(request, feedbackSchema);
	if (!body.ok) return body.error;
	const rate = await (await feedbackRateLimiter())(clientOf(event));
	if (!rate.admitted) return tooManyRequests(rate.retryAfterSeconds);
	const stored = await withDatabase((db) => recordFeedback(db, params.slug, body.value));
	return stored.ok ? json(stored.value, { status: 201 }) : serviceUnavailable();
};
