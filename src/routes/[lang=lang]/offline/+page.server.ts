import { emergencyNumbers } from '$lib/server/content';
import type { PageServerLoad } from './$types';

// Prerendered: the service worker shows this copy for any page the device has not kept.
export const load = (({ params }) => ({ numbers: emergencyNumbers(params.lang) })) satisfies PageServerLoad;
