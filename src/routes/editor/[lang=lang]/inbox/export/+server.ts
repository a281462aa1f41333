import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { csvDownload } from '$lib/server/desk/export';
import { inboxCsv, parseInboxFilter } from '$lib/server/desk/inbox';
import { apiError, zodIssues } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
	const actor = requireDesk(locals, 'inbox');
	const parsed = parseInboxFilter(url.searchParams);
	if (!parsed.success) return apiError(400, 'invalid_query', 'Check the filter', zodIssues(parsed.error));
	const { db } = await appDatabase();
	return csvDownload('feedback', inboxCsv(db, { ...parsed.data, after: undefined }, actor));
};
