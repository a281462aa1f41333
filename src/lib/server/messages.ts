// Every message catalog, for server rendering, and the part of one language's catalog the root
// layout sends a page that runs in the browser: the messages its code can show, no more.
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

/**
 * What the root layout sends every page: its header, footer and error page (an error page has
 * the root's data only), and each page's title and description. Prefixes of message keys.
 */
export const COMMON_MESSAGES = ['site', 'nav', 'footer', 'error', 'meta', 'firstAid.crampNow'];

/**
 * What else each page that runs in the browser shows, by route id: the whole catalog was 42 KB
 * parsed before every page could answer. `messages.spec.ts` walks each page's code and fails on
 * a key (or a `prefix.${…}` family) no prefix here covers, and on a prefix nothing uses.
 */
export const ROUTE_MESSAGES: Record<string, string[]> = {
	'/[lang=lang]/check': ['check.title', 'check.lead', 'check.notDiagnosis', 'check.start'],
	// a question's labels are `check.${field}.${id}`: all of them
	'/[lang=lang]/check/[question]': ['check'],
	'/[lang=lang]/check/answers': ['check'],
	'/[lang=lang]/check/result': [
		'check.signs',
		'check.result',
		'editor.ruleSet',
		'care.prefix',
		'care.specialist',
		'plan.forEveryone',
		'guide.source',
		'guide.evidence',
		'guide.careMore'
	],
	'/[lang=lang]/diary': ['diary', 'care.prefix', 'care.specialist', 'guide.careMore'],
	'/[lang=lang]/diary/report': [
		'diary.report',
		'diary.noscript',
		'diary.loading',
		'diary.unavailable',
		'diary.charts',
		'diary.monitor.precaution',
		'diary.plan',
		'diary.leg',
		'diary.muscle'
	],
	'/[lang=lang]/first-aid': [
		'firstAid',
		'guide.notRecommended',
		'guide.steps',
		'guide.dose',
		'guide.why',
		'guide.careMore',
		'care.prefix',
		'care.specialist'
	],
	'/[lang=lang]/first-aid/water': ['firstAid.water', 'firstAid.position', 'guide.notRecommended', 'guide.steps', 'guide.dose', 'guide.why'],
	'/[lang=lang]/offline': ['offline', 'care.prefix'],
	'/[lang=lang]/plan': ['plan', 'care.prefix', 'guide.evidence']
};

/** `key` is `prefix` or one of its family (`diary` covers `diary.title`, not `diaryX`). */
export const covers = (prefix: string, key: string) => key === prefix || key.startsWith(`${prefix}.`);

const sent = new Map<string, Partial<Messages>>();
/** The messages a page of `routeId` (null: no route, a 404) shows in `lang`, built once per pair. */
export function messagesFor(lang: Lang, routeId: string | null): Partial<Messages> {
	const id = `${lang} ${routeId}`;
	let messages = sent.get(id);
	if (!messages) {
		const prefixes = [...COMMON_MESSAGES, ...((routeId && ROUTE_MESSAGES[routeId]) || [])];
		messages = Object.fromEntries(Object.entries(catalogs[lang]).filter(([key]) => prefixes.some((p) => covers(p, key))));
		sent.set(id, messages);
	}
	return messages;
}

/** Server rendering may need any language: provide them all (once, at start). */
export function provideAllMessages(): void {
	for (const lang of Object.keys(catalogs) as Lang[]) provideMessages(lang, catalogs[lang]);
}
