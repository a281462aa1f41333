import { listGuides } from '$lib/server/content';
import type { PageServerLoad } from './$types';

// Reading pages ship no framework JavaScript: static HTML is fastest on a weak signal.
export const csr = false;

export const load = (({ params }) => ({ guides: listGuides(params.lang) })) satisfies PageServerLoad;
