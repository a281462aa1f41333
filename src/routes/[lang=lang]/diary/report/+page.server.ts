import { LANGS } from '$lib/core/content/schema';
import { reportPage } from '$lib/server/diary';
import type { EntryGenerator, PageServerLoad } from './$types';

// Static like the diary: the report is made in the browser from the entries on the device.
export const entries: EntryGenerator = () => LANGS.map((lang) => ({ lang }));

export const load = (({ params }) => reportPage(params.lang)) satisfies PageServerLoad;
