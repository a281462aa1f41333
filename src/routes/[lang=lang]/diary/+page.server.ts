import { LANGS } from '$lib/core/content/schema';
import { diaryPage } from '$lib/server/diary';
import type { EntryGenerator, PageServerLoad } from './$types';

// Static, so the service worker can keep it offline: the entries live on the reader's
// device and the browser fills them in.
export const entries: EntryGenerator = () => LANGS.map((lang) => ({ lang }));

export const load = (({ params }) => diaryPage(params.lang)) satisfies PageServerLoad;
