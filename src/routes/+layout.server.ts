import type { Lang } from '$lib/core/content/schema';
import { messagesFor } from '$lib/server/messages';
import type { LayoutServerLoad } from './$types';

// Every page, error pages included, renders in the reader's language with the site's header,
// so the messages come from the root: the ones the route's page shows (messagesFor). Only pages
// that run in the browser receive them (reading pages ship no JS). A path outside /en and /ru
// has no `lang` param: the hook's choice serves.
export const load = (({ params, locals, route }) => {
	const lang = ((params as { lang?: Lang }).lang ?? locals.lang) as Lang;
	return { lang, messages: messagesFor(lang, route.id) };
}) satisfies LayoutServerLoad;
