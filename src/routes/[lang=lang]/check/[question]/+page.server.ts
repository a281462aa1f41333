import { error, fail, redirect } from '@sveltejs/kit';
import { questionById, stepFrom } from '$lib/core/assessment/questions';
import { checkForm } from '$lib/server/assessment';
import type { Actions, PageServerLoad } from './$types';

// Each question posts back to itself with JavaScript off, so these pages are rendered per request.
// Their data never depends on the answers (those are in the URL), so the service worker keeps one copy.
export const prerender = false;

const questionOf = (id: string) => questionById(id) ?? error(404, 'Not found');

export const load = (({ params }) => ({
	question: questionOf(params.question),
	choices: checkForm(params.lang)
})) satisfies PageServerLoad;

export const actions = {
	default: async ({ params, request, url }) => {
		const lang = params.lang;
		const posted = (await request.formData()).getAll('answer').map(String);
		const step = stepFrom(questionOf(params.question), url.searchParams, posted, checkForm(lang), lang);
		if (!step.ok) return fail(400, { error: step.error, posted });
		redirect(303, step.href);
	}
} satisfies Actions;
