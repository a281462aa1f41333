import { LANGS } from '$lib/core/content/schema';
import { allMeasures } from '$lib/server/assessment';
import type { EntryGenerator, PageServerLoad } from './$types';

// Static: the plan itself lives on the reader's device and is filled in by the browser.
export const entries: EntryGenerator = () => LANGS.map((lang) => ({ lang }));

export const load = (({ params }) => ({ measures: allMeasures(params.lang) })) satisfies PageServerLoad;
