import { json } from '@sveltejs/kit';
import { feedbackSchema } from '$lib/core/feedback';
import { findGuide } from '$lib/server/content';
import { appDatabase } from '$lib/server/db/app';
import { recordFeedback } from '$lib/server/feedback';
import { apiError, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request }) => {
	if (!findGuide(params.slug)) return apiError(404, 'not_found', `No guide "${params.slug}"`);
	const body = await readJson(request, feedbackSchema);
	if (!body.ok) return body.error;
	const { db } = await appDatabase();
	return json(await recordFeedback(db, params.slug, body.value), { status: 201 });
};
