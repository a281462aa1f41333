import { firstAidPage } from '$lib/server/content';
import type { PageServerLoad } from './$types';

// Prerendered (as the layout sets): a static file the service worker can keep for offline use.
export const load = (({ params }) => ({ firstAid: firstAidPage(params.lang) })) satisfies PageServerLoad;
