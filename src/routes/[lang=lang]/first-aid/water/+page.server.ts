import type { Lang } from '$lib/core/content/schema';
import { waterCard } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load = (({ params }) => ({ exercise: waterCard(params.lang as Lang) })) satisfies PageServerLoad;
