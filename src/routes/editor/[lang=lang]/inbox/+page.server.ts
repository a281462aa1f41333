import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { guideSlugs } from '$lib/server/content';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { TREND_WEEKS } from '$lib/core/desk/trend';
import { helpfulShares, inboxPage, parseInboxFilter, setStatus, STATUSES } from '$lib/server/desk/inbox';
import { weeklyTrends } from '$lib/server/desk/trend';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ url, locals }) => {
	requireDesk(locals, 'inbox');
	const { db } = await appDatabase();
	const parsed = parseInboxFilter(url.searchParams);
	const filter = parsed.success ? parsed.data : {};
	const issue = parsed.success ? undefined : { field: String(parsed.error.issues[0].path[0]), message: parsed.error.issues[0].message };
	// The chart follows the guide and language filters; the other filters are about comments.
	const charted = guideSlugs().filter((guide) => !filter.guide || guide === filter.guide);
	const [page, shares, trends] = await Promise.all([
		inboxPage(db, filter),
		helpfulShares(db),
		weeklyTrends(db, charted, { lang: filter.lang })
	]);
	const exportQuery = new URLSearchParams(url.searchParams);
	exportQuery.delete('after');
	const olderQuery = new URLSearchParams(url.searchParams);
	olderQuery.set('after', page.next ?? '');
	return {
		filter,
		issue,
		page,
		shares,
		trends,
		trendWeeks: TREND_WEEKS,
		guides: guideSlugs(),
		statuses: STATUSES,
		exportQuery: `${exportQuery}`,
		olderQuery: `${olderQuery}`
	};
}) satisfies PageServerLoad;

const statusForm = z.object({ ids: z.array(z.uuid()).min(1).max(500), status: z.enum(STATUSES) });

export const actions = {
	status: async ({ request, locals }) => {
		requireDesk(locals, 'inbox');
		const form = await request.formData();
		const parsed = statusForm.safeParse({ ids: form.getAll('ids'), status: form.get('status') });
		if (!parsed.success) return fail(400, { field: String(parsed.error.issues[0].path[0]), message: parsed.error.issues[0].message });
		const updated = await setStatus((await appDatabase()).db, parsed.data.ids, parsed.data.status, locals.desk!);
		return { updated };
	}
} satisfies Actions;
