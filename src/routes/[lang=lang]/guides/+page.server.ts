import type { Lang } from '$lib/core/content/schema';
import { listGuides } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load = (({ params }) => ({ guides: listGuides(params.lang as Lang) })) satisfies PageServerLoad;
