import { json } from '@sveltejs/kit';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { inboxPage, parseInboxFilter } from '$lib/server/desk/inbox';
import { apiError, zodIssues } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The inbox as JSON: the same filters and cursor as the page. */
export const GET: RequestHandler = async ({ url, locals }) => {
	requireDesk(locals, 'inbox');
	const parsed = parseInboxFilter(url.searchParams);
	if (!parsed.success) return apiError(400, 'invalid_query', 'Check the filter', zodIssues(parsed.error));
	return json(await inboxPage((await appDatabase()).db, parsed.data));
};
