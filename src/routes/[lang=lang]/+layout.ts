import type { Lang } from '$lib/core/content/schema';
import type { LayoutLoad } from './$types';

// Reading pages are static files: instant, cacheable, and readable with JS off.
export const prerender = true;

export const load = (({ params }) => ({ lang: params.lang as Lang })) satisfies LayoutLoad;
