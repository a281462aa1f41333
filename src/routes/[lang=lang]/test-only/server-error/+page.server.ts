import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { PageServerLoad } from './$types';

// A real server error for the browser tests of the 500 page. Only the Playwright web server
// sets FITNAVIGATOR_TEST_SERVER_ERROR=1; everywhere else (production included) this is a 404.
export const prerender = false;

export const load = (() => {
	if (env.FITNAVIGATOR_TEST_SERVER_ERROR !== '1') error(404, 'Not found');
	throw new Error('test-only server error (FITNAVIGATOR_TEST_SERVER_ERROR=1)');
}) satisfies PageServerLoad;
