// Typed message lookup. English is the reference, Russian must have the same keys (a
// unit test fails otherwise); each feature keeps its own namespace file. The catalogs
// are only *typed* here: the server provides all of them (src/lib/server/messages.ts),
// and a page that runs in the browser gets the messages it shows as layout data, so no
// catalog is ever bundled into JavaScript.
import type enCheck from '../../../messages/en/check.json';
import type enCommon from '../../../messages/en/common.json';
import type enDesk from '../../../messages/en/desk.json';
import type enDiary from '../../../messages/en/diary.json';
import type enEditor from '../../../messages/en/editor.json';
import type enFirstAid from '../../../messages/en/first-aid.json';
import type enGuide from '../../../messages/en/guide.json';
import type enPlan from '../../../messages/en/plan.json';
import type { Lang } from '../core/content/schema';

export type Messages = typeof enCommon &
	typeof enGuide &
	typeof enFirstAid &
	typeof enCheck &
	typeof enPlan &
	typeof enDiary &
	typeof enEditor &
	typeof enDesk;
export type MessageKey = keyof Messages;

const provided: Partial<Record<Lang, Messages>> = {};

/**
 * Makes `messages` of `lang` available to `t`, beside those given before (the server gives every
 * catalog once; in the browser each page brings the ones it shows, and a navigation adds its own).
 */
export function provideMessages(lang: Lang, messages: Partial<Messages>): void {
	provided[lang] = { ...provided[lang], ...messages } as Messages;
}

/**
 * The message for `key` in `lang`, with `{name}` placeholders filled from `params`. A count takes
 * its word form as ICU writes it, `{count, plural, one {# cramp} other {# cramps}}`, chosen by
 * the language's own plural rules (Russian has one, few and many), `#` the number.
 */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
	const message = provided[lang]?.[key];
	// A bug, not bad input: the page forgot its layout data or the key is new.
	if (message === undefined) throw new Error(`message "${key}" (${lang}) is not loaded`);
	return plurals(lang, message, params).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export const locales: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU' };

/**
 * One Intl formatter per language and kind, built on first use: building one costs far more
 * than formatting with it (the diary's first render spent 0.3 s building date formats).
 */
const formatters = new Map<string, unknown>();
export function formatter<T>(key: string, make: () => T): T {
	if (!formatters.has(key)) formatters.set(key, make());
	return formatters.get(key) as T;
}
const pluralRules = (lang: Lang) => formatter(`plural:${lang}`, () => new Intl.PluralRules(locales[lang]));
const integers = (lang: Lang) => formatter(`number:${lang}`, () => new Intl.NumberFormat(locales[lang]));
const longDates = (lang: Lang) =>
	formatter(`date-long:${lang}`, () => new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: 'UTC' }));

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const FORM = /(=\d+|\w+)\s*\{([^{}]*)\}/g;

/** Each `{n, plural, …}` in `message` replaced by the form its count takes in `lang`. */
export function plurals(lang: Lang, message: string, params: Record<string, string | number>): string {
	return message.replace(PLURAL, (whole, name: string, cases: string) => {
		const n = Number(params[name]);
		if (!Number.isFinite(n)) return whole;
		const forms = new Map([...cases.matchAll(FORM)].map((m) => [m[1], m[2]]));
		const form = forms.get(`=${n}`) ?? forms.get(pluralRules(lang).select(n)) ?? forms.get('other') ?? '';
		return form.replace(/#/g, integers(lang).format(n));
	});
}

export function formatDate(lang: Lang, isoDate: string): string {
	return longDates(lang).format(new Date(`${isoDate}T00:00:00Z`));
}
