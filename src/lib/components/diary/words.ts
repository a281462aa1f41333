// Figures and dates as the reader's language writes them.
import type { Lang } from '$lib/core/content/schema';
import { formatter, locales } from '$lib/i18n';

/** A figure as the reader's language writes it (10.5 in English, 10,5 in Russian). */
export const number = (lang: Lang, n: number): string =>
	formatter(`number-1:${lang}`, () => new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 1 })).format(n);

/** A date in a table's few characters (03.12.2026, 03/12/2026). */
export const shortDate = (lang: Lang, day: string): string =>
	formatter(`date-short:${lang}`, () => new Intl.DateTimeFormat(locales[lang], { dateStyle: 'short', timeZone: 'UTC' })).format(
		new Date(`${day}T00:00:00Z`)
	);
