import { checkForm } from '$lib/server/assessment';
import type { PageServerLoad } from './$types';

// The answers are in the URL and read by the page, so the same data serves every reader (and offline).
export const prerender = false;

export const load = (({ params }) => ({ choices: checkForm(params.lang) })) satisfies PageServerLoad;
