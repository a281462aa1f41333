import type { Lang } from '$lib/core/content/schema';
import { catalogs } from '$lib/server/messages';
import type { LayoutServerLoad } from './$types';

// Only pages that run in the browser receive this (reading pages ship no JS at all).
export const load = (({ params }) => ({ messages: catalogs[params.lang as Lang] })) satisfies LayoutServerLoad;
