// Every message catalog, for server rendering and for the layout data that carries one
// language's messages to a page running in the browser.
import enCheck from '../../../messages/en/check.json';
import enCommon from '../../../messages/en/common.json';
import enDesk from '../../../messages/en/desk.json';
import enDiary from '../../../messages/en/diary.json';
import enEditor from '../../../messages/en/editor.json';
import enFirstAid from '../../../messages/en/first-aid.json';
import enGuide from '../../../messages/en/guide.json';
import enPlan from '../../../messages/en/plan.json';
import ruCheck from '../../../messages/ru/check.json';
import ruCommon from '../../../messages/ru/common.json';
import ruDesk from '../../../messages/ru/desk.json';
import ruDiary from '../../../messages/ru/diary.json';
import ruEditor from '../../../messages/ru/editor.json';
import ruFirstAid from '../../../messages/ru/first-aid.json';
import ruGuide from '../../../messages/ru/guide.json';
import ruPlan from '../../../messages/ru/plan.json';
import type { Lang } from '../core/content/schema';
import { provideMessages, type Messages } from '../i18n';

export const catalogs: Record<Lang, Messages> = {
	en: { ...enCommon, ...enGuide, ...enFirstAid, ...enCheck, ...enPlan, ...enDiary, ...enEditor, ...enDesk },
	ru: { ...ruCommon, ...ruGuide, ...ruFirstAid, ...ruCheck, ...ruPlan, ...ruDiary, ...ruEditor, ...ruDesk }
};

/** Server rendering may need any language: provide them all (once, at start). */
export function provideAllMessages(): void {
	for (const lang of Object.keys(catalogs) as Lang[]) provideMessages(lang, catalogs[lang]);
}
