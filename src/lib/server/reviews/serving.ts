// Keeps the review line on the prerendered guide pages true. server.js serves those pages
// from memory and hands us its table once (the 'fitnavigator:prerendered' event); each
// page's review slot is rewritten, and its compressed copies and ETag recomputed, only
// when the sign-off that speaks for it changes — never per request.
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Lang } from '../../core/content/schema';
import { reviewLine } from './line';
import { findServed, holdingSignOff, onSignOffsChanged } from './index';

/** server.js's entry for one page. */
export type PrerenderedPage = { csp: string; etag: string; identity: Buffer; br?: Buffer; gzip?: Buffer };

// Rendered by ReviewLine.svelte; the slot's content is the "awaiting review" fallback.
const SLOT = /<p class="meta review-line" data-review-slot="([^"/]+)\/(en|ru)">[^<]*<\/p>/;

type Slot = { path: string; original: PrerenderedPage; html: string; subject: string; lang: Lang; shown?: string };
const slots: Slot[] = [];
let table: Map<string, PrerenderedPage> | undefined;

const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

function rewrite(): void {
	if (!table) return;
	for (const slot of slots) {
		const served = findServed(slot.subject, slot.lang);
		if (!served) continue;
		const line = reviewLine(slot.lang, served.updatedOn ?? '', holdingSignOff(slot.subject, slot.lang));
		if (line === slot.shown) continue;
		const identity = Buffer.from(
			slot.html.replace(SLOT, `<p class="meta review-line" data-review-slot="${slot.subject}/${slot.lang}">${line}</p>`)
		);
		table.set(slot.path, {
			...slot.original,
			identity,
			etag: etagOf(identity),
			br: slot.original.br && brotliCompressSync(identity),
			gzip: slot.original.gzip && gzipSync(identity)
		});
		slot.shown = line;
	}
}

/** Takes server.js's page table; pages with a review slot are rewritten now and on every change. */
export function adoptPrerendered(pages: Map<string, PrerenderedPage>): void {
	table = pages;
	for (const [path, page] of pages) {
		const html = page.identity.toString('utf8');
		const match = SLOT.exec(html);
		if (match) slots.push({ path, original: page, html, subject: match[1], lang: match[2] as Lang });
	}
	rewrite();
}

onSignOffsChanged(rewrite);
