import { fail } from '@sveltejs/kit';
import { assessmentFromForm } from '$lib/core/assessment/form';
import type { Lang } from '$lib/core/content/schema';
import { assessmentPage, checkForm } from '$lib/server/assessment';
import { mainGuideSlug } from '$lib/server/content';
import { ruleSetStatus } from '$lib/server/reviews';
import type { Actions, PageServerLoad } from './$types';

// The form posts back here, so this page is rendered per request, not prerendered.
export const prerender = false;

export const load = (({ params }) => ({ choices: checkForm(params.lang as Lang), mainGuide: mainGuideSlug })) satisfies PageServerLoad;

export const actions = {
	default: async ({ params, request }) => {
		const { parsed, answers, errors } = assessmentFromForm(await request.formData(), params.lang as Lang);
		if (!parsed.success) return fail(400, { answers, errors });
		return { answers, result: assessmentPage(parsed.data), ruleSet: ruleSetStatus() };
	}
} satisfies Actions;
