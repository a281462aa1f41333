import { redirect } from '@sveltejs/kit';
import { formProblems } from '$lib/core/desk/form-problems';
import { statusForm, statusLabels } from '$lib/core/desk/forms';
import { TREND_WEEKS } from '$lib/core/desk/trend';
import { guideSlugs } from '$lib/server/content';
import { appDatabase } from '$lib/server/db/app';
import { invalidForm } from '$lib/server/desk/form';
import { requireDesk } from '$lib/server/desk/access';
import { helpfulShares, inboxFilterLabels, inboxPage, parseInboxFilter, setStatus, STATUSES } from '$lib/server/desk/inbox';
import { weeklyTrends } from '$lib/server/desk/trend';
import type { Actions, PageServerLoad } from './$types';

/** The page's own query: its filter and page, without what a status change or "select all" added. */
function filterQuery(url: URL): URLSearchParams {
	const query = new URLSearchParams(url.searchParams);
	for (const key of [...query.keys()]) if (key.startsWith('/') || key === 'updated' || key === 'select') query.delete(key);
	return query;
}

export const load = (async ({ url, locals }) => {
	requireDesk(locals, 'inbox');
	const { db } = await appDatabase();
	const parsed = parseInboxFilter(url.searchParams);
	const filter = parsed.success ? parsed.data : {};
	// The chart follows the guide and language filters; the other filters are about comments.
	const charted = guideSlugs().filter((guide) => !filter.guide || guide === filter.guide);
	const [page, shares, trends] = await Promise.all([
		inboxPage(db, filter),
		helpfulShares(db),
		weeklyTrends(db, charted, { lang: filter.lang })
	]);
	const query = filterQuery(url);
	const exportQuery = new URLSearchParams(query);
	exportQuery.delete('after');
	const olderQuery = new URLSearchParams(query);
	olderQuery.set('after', page.next ?? '');
	const updated = Number(url.searchParams.get('updated') ?? Number.NaN);
	return {
		filter,
		problems: parsed.success ? [] : formProblems(parsed.error, inboxFilterLabels),
		page,
		shares,
		trends,
		trendWeeks: TREND_WEEKS,
		guides: guideSlugs(),
		statuses: STATUSES,
		query: `${query}`,
		allSelected: url.searchParams.get('select') === 'all',
		updated: Number.isInteger(updated) && updated >= 0 ? updated : undefined,
		exportQuery: `${exportQuery}`,
		olderQuery: `${olderQuery}`
	};
}) satisfies PageServerLoad;

export const actions = {
	// After the change, back to the same filtered page (303), so a reload does not post again.
	status: async ({ request, locals, url }) => {
		const actor = requireDesk(locals, 'inbox');
		const form = await request.formData();
		const parsed = statusForm.safeParse({ ids: form.getAll('ids'), status: form.get('status') });
		if (!parsed.success) return invalidForm(parsed.error, statusLabels);
		const updated = await setStatus((await appDatabase()).db, parsed.data.ids, parsed.data.status, actor);
		const query = filterQuery(url);
		query.set('updated', String(updated));
		redirect(303, `${url.pathname}?${query}`);
	}
} satisfies Actions;
