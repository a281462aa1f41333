// Keeps the review line on the prerendered guide pages true. server.js serves those pages
// from memory (serving/pages.js) and attaches its store to the serving link at start-up;
// each page's review slots (ReviewLine.svelte: under the title and in "About this guide",
// named `slug/lang`) are filled through the store — which renders the pages holding them
// again, with new encodings and ETags — only when the sign-off that speaks for them
// changes, never per request.
import type { PageSlots } from '@fitnavigator/serving/link';
import { LANGS, type Lang } from '../../../core/content/schema';
import { reviewLine } from './line';
import { findServed, holdingSignOff, type SignOffs } from './index';

const langOf = (name: string) => LANGS.find((lang) => name.endsWith(`/${lang}`));

function fill(pages: PageSlots): void {
	for (const name of pages.slotNames()) {
		const lang: Lang | undefined = langOf(name);
		const served = lang && findServed(name.slice(0, -lang.length - 1), lang);
		if (!lang || !served) continue;
		pages.fillSlot(name, reviewLine(lang, served.updatedOn ?? '', holdingSignOff(served.subject, lang)));
	}
}

/** Fills every review slot in `pages` now and after every change of `signOffs`; returns what stops it. */
export function keepReviewLinesTrue(pages: PageSlots, signOffs: SignOffs): () => void {
	fill(pages);
	return signOffs.onChange(() => fill(pages));
}
