import { waterCard } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load = (({ params }) => ({ exercise: waterCard(params.lang) })) satisfies PageServerLoad;
