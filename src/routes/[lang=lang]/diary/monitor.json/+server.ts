import { stringify } from 'devalue';
import { LANGS } from '$lib/core/content/schema';
import { monitorLibrary } from '$lib/server/diary';
import type { EntryGenerator, RequestHandler } from './$types';

// The diary's pattern monitor reads this after the entries are on screen, so the page's first
// screen does not parse it. Prerendered (the service worker keeps it offline); devalue, as
// SvelteKit's own page data, because the library holds Maps.
export const prerender = true;
export const entries: EntryGenerator = () => LANGS.map((lang) => ({ lang }));

export const GET: RequestHandler = ({ params }) =>
	new Response(stringify(monitorLibrary(params.lang)), { headers: { 'content-type': 'application/json' } });
