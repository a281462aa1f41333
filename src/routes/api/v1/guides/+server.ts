import { json } from '@sveltejs/kit';
import { listGuides } from '$lib/server/content';
import { langParam } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const lang = langParam(url);
	if (!lang.ok) return lang.error;
	return json({ guides: listGuides(lang.value) });
};
