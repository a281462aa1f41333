// Keeps the review line on the prerendered guide pages true. server.js serves those pages
// from memory and hands us its page store once (the 'fitnavigator:prerendered' event); each
// page's review slots (under the title and in "About this guide") are rewritten — its
// encodings and ETags recomputed by the store — only when the sign-off that speaks for
// them changes, never per request.
import type { Lang } from '../../../core/content/schema';
import { reviewLine } from './line';
import { findServed, holdingSignOff, onSignOffsChanged } from './index';

/** The part of server.js's page store (serving/pages.js) this module uses. */
export type PrerenderedPages = {
	paths(): string[];
	body(path: string): string | undefined;
	replaceBody(path: string, html: string): void;
};

// Rendered by ReviewLine.svelte; the slot's content is the "awaiting review" fallback.
const SLOT = /<span data-review-slot="([^"/]+)\/(en|ru)">[^<]*<\/span>/g;

type Slot = { path: string; html: string; subject: string; lang: Lang; shown?: string };
const slots: Slot[] = [];
let store: PrerenderedPages | undefined;

function rewrite(): void {
	if (!store) return;
	for (const slot of slots) {
		const served = findServed(slot.subject, slot.lang);
		if (!served) continue;
		const line = reviewLine(slot.lang, served.updatedOn ?? '', holdingSignOff(slot.subject, slot.lang));
		if (line === slot.shown) continue;
		const own = `${slot.subject}/${slot.lang}`;
		store.replaceBody(
			slot.path,
			slot.html.replaceAll(SLOT, (found, subject, lang) =>
				`${subject}/${lang}` === own ? `<span data-review-slot="${own}">${line}</span>` : found
			)
		);
		slot.shown = line;
	}
}

/** Takes server.js's page store; pages with review slots are rewritten now and on every change. */
export function adoptPrerendered(pages: PrerenderedPages): void {
	store = pages;
	for (const path of pages.paths()) {
		const html = pages.body(path);
		// A guide page's slots all name that guide; any other guide's slot is left alone.
		const [match] = html?.matchAll(SLOT) ?? [];
		if (html && match) slots.push({ path, html, subject: match[1], lang: match[2] as Lang });
	}
	rewrite();
}

onSignOffsChanged(rewrite);
