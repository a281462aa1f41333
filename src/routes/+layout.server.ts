import type { Lang } from '$lib/core/content/schema';
import { catalogs } from '$lib/server/messages';
import type { LayoutServerLoad } from './$types';

// Every page, error pages included, renders in the reader's language with the site's header,
// so the messages come from the root. Only pages that run in the browser receive them (reading
// pages ship no JS). A path outside /en and /ru has no `lang` param: the hook's choice serves.
export const load = (({ params, locals }) => {
	const lang = ((params as { lang?: Lang }).lang ?? locals.lang) as Lang;
	return { lang, messages: catalogs[lang] };
}) satisfies LayoutServerLoad;
