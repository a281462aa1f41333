import { answersFrom } from '$lib/core/assessment/address';
import { checkAnswer, checkForm, resultBundle } from '$lib/server/assessment';
import { mainGuideSlug } from '$lib/server/content';
import { ruleSetStatus } from '$lib/server/desk/reviews';
import type { PageServerLoad } from './$types';

export const prerender = false;

// Answers that reach the server (a link, a reload, the question pages' posts) get their answer
// here, in the HTML, so it is the first paint. The address with no answers is the copy the
// service worker keeps: it carries the engine's data instead, and offline the page answers.
export const load = (({ params, url }) => {
	const lang = params.lang;
	const common = { choices: checkForm(lang), mainGuide: mainGuideSlug, ruleSet: ruleSetStatus() };
	if (url.searchParams.size === 0) return { ...common, answer: undefined, bundle: resultBundle(lang) };
	return { ...common, answer: checkAnswer(answersFrom(url.searchParams), lang), bundle: undefined };
}) satisfies PageServerLoad;
