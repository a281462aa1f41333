import { json } from '@sveltejs/kit';
import { findGuide } from '$lib/server/content';
import { appDatabase } from '$lib/server/db/app';
import { feedbackSummary } from '$lib/server/feedback';
import { apiError } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	if (!findGuide(params.slug)) return apiError(404, 'not_found', `No guide "${params.slug}"`);
	const { db } = await appDatabase();
	return json(await feedbackSummary(db, params.slug));
};
