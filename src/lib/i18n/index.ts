// Typed message catalogs: English is the reference, Russian must have the same keys
// (a unit test fails otherwise). Each feature keeps its own namespace file.
import enCheck from '../../../messages/en/check.json';
import enCommon from '../../../messages/en/common.json';
import enFirstAid from '../../../messages/en/first-aid.json';
import enGuide from '../../../messages/en/guide.json';
import enPlan from '../../../messages/en/plan.json';
import ruCheck from '../../../messages/ru/check.json';
import ruCommon from '../../../messages/ru/common.json';
import ruFirstAid from '../../../messages/ru/first-aid.json';
import ruGuide from '../../../messages/ru/guide.json';
import ruPlan from '../../../messages/ru/plan.json';
import type { Lang } from '../core/content/schema';

const en = { ...enCommon, ...enGuide, ...enFirstAid, ...enCheck, ...enPlan };
export type MessageKey = keyof typeof en;
export const catalogs: Record<Lang, Record<MessageKey, string>> = {
	en,
	ru: { ...ruCommon, ...ruGuide, ...ruFirstAid, ...ruCheck, ...ruPlan }
};

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
	return catalogs[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

const locales: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU' };

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
