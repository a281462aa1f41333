// Messages with plural forms in them ("{count|one:cramp|other:cramps}"), in the reader's language.
import type { Lang } from '$lib/core/content/schema';
import { plurals } from '$lib/core/diary/plural';
import { locales, t, type MessageKey } from '$lib/i18n';

export const tp = (lang: Lang, key: MessageKey, params: Record<string, string | number>): string =>
	plurals(locales[lang], t(lang, key, params), params);

/** A figure as the reader's language writes it (10.5 in English, 10,5 in Russian). */
export const number = (lang: Lang, n: number): string => new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 1 }).format(n);

/** A date in a table's few characters (03.12.2026, 03/12/2026). */
export const shortDate = (lang: Lang, day: string): string =>
	new Intl.DateTimeFormat(locales[lang], { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
