// Typed message lookup. English is the reference, Russian must have the same keys (a
// unit test fails otherwise); each feature keeps its own namespace file. The catalogs
// are only *typed* here: the server provides all of them (src/lib/server/messages.ts),
// and a page that runs in the browser gets its own language's messages as layout data,
// so no catalog is ever bundled into JavaScript.
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

/** Makes `lang`'s messages available to `t` (the server does this once for all languages). */
export function provideMessages(lang: Lang, messages: Messages): void {
	provided[lang] = messages;
}

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
	const message = provided[lang]?.[key];
	// A bug, not bad input: the page forgot its layout data or the key is new.
	if (message === undefined) throw new Error(`message "${key}" (${lang}) is not loaded`);
	return message.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export const locales: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU' };

export function formatDate(lang: Lang, isoDate: string): string {
	return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Picks the reader's language from an Accept-Language header, English by default. */
export function pickLang(header: string | null): Lang {
	const ranked = (header ?? '')
		.split(',')
		.map((part) => {
			const [tag, ...params] = part.trim().toLowerCase().split(';');
			const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
			return { base: tag.split('-')[0], q: q === undefined ? 1 : Number(q) };
		})
		.filter((l) => l.q > 0)
		.sort((a, b) => b.q - a.q);
	const found = ranked.find((l) => l.base === 'en' || l.base === 'ru');
	return (found?.base as Lang | undefined) ?? 'en';
}
