import { error } from '@sveltejs/kit';
import { LANGS } from '$lib/core/content/schema';
import { guidePage, guideSlugs } from '$lib/server/content';
import type { EntryGenerator, PageServerLoad } from './$types';

// Reading pages ship no framework JavaScript: static HTML is fastest on a weak signal.
export const csr = false;

export const entries: EntryGenerator = () => LANGS.flatMap((lang) => guideSlugs().map((slug) => ({ lang, slug })));

export const load = (({ params }) => {
	const page = guidePage(params.slug, params.lang);
	if (!page) error(404, 'Not found');
	return page;
}) satisfies PageServerLoad;
