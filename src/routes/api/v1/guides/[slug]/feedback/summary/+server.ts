import { json } from '@sveltejs/kit';
import { findGuide } from '$lib/server/content';
import { withDatabase } from '$lib/server/db/unavailable';
import { feedbackSummary } from '$lib/server/feedback';
import { apiError, serviceUnavailable } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	if (!findGuide(params.slug)) return apiError(404, 'not_found', `No guide "${params.slug}"`);
	const summary = await withDatabase((db) => feedbackSummary(db, params.slug));
	return summary.ok ? json(summary.value) : serviceUnavailable();
};
