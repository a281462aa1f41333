import { checkForm, resultBundle } from '$lib/server/assessment';
import { mainGuideSlug } from '$lib/server/content';
import { ruleSetStatus } from '$lib/server/desk/reviews';
import type { PageServerLoad } from './$types';

// The page runs the engine on the answers in its URL, on the server and in the browser alike,
// so the data is the same for every reader and the service worker can answer offline.
export const prerender = false;

export const load = (({ params }) => {
	const lang = params.lang;
	return { ...resultBundle(lang), choices: checkForm(lang), mainGuide: mainGuideSlug, ruleSet: ruleSetStatus() };
}) satisfies PageServerLoad;
