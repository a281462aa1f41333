// The line a guide shows under its title: a reviewer's name only while their sign-off is for the text shown.
import type { Lang } from '../../../core/content/schema';
import { formatDate, t } from '../../../i18n';
import type { SignOff } from '../../../core/desk/review';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** HTML-escaped text for the page's review slot. */
export function reviewLine(lang: Lang, updatedOn: string, signOff: SignOff | undefined): string {
	const text = signOff
		? t(lang, 'editor.review.line', {
				name: signOff.name,
				specialty: signOff.specialty,
				date: formatDate(lang, signOff.signedAt.toISOString().slice(0, 10))
			})
		: t(lang, 'editor.review.awaiting', { date: formatDate(lang, updatedOn) });
	return escapeHtml(text);
}
