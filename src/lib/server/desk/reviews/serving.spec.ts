import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrerenderedPages } from '../../../../../serving/pages.js';
import type { Database } from '../../db';
import { testBackends } from '../../db/testing';
import { formatDate, t } from '../../../i18n';
import { provideAllMessages } from '../../messages';
import { findServed, signOff, signOffs } from './index';
import { keepReviewLinesTrue } from './serving';

provideAllMessages();

const expert = { id: null, email: 'vera@example.org', name: 'Dr <Vera>', specialty: 'sports physician', role: 'expert' as const };
// What ReviewLine.svelte prerenders for the guide served now.
const awaiting = t('en', 'editor.review.awaiting', { date: formatDate('en', findServed('calf-cramps', 'en')!.updatedOn!) });
const slot = (key: string) => `<span data-review-slot="${key}">${awaiting}</span>`;
// A guide page as ReviewLine.svelte renders it: a slot under the title and one in "About this guide".
const PAGE = `<h1>Calf</h1><p class="meta review-line">${slot('calf-cramps/en')}</p><dl><dd>${slot('calf-cramps/en')}</dd></dl>`;

/** serving/pages.js over a folder of prerendered pages, recording every slot it is asked to fill. */
function store(files: Record<string, string>) {
	const dir = mkdtempSync(join(tmpdir(), 'fitnavigator-slots-'));
	for (const [file, html] of Object.entries(files)) {
		mkdirSync(join(dir, file, '..'), { recursive: true });
		writeFileSync(join(dir, file), html);
	}
	const pages = new PrerenderedPages(dir, () => 'csp');
	const filled: [string, string][] = [];
	return {
		dir,
		filled,
		slots: {
			slotNames: () => pages.slotNames(),
			fillSlot: (name: string, html: string) => {
				filled.push([name, html]);
				pages.fillSlot(name, html);
			}
		}
	};
}

// One backend: the sign-offs are the process's, as in the one server process.
describe(`the prerendered review slots on ${testBackends()[0].name}`, () => {
	let database: Database;
	const { dir, filled, slots } = store({ 'en/guides/calf-cramps.html': PAGE, 'en/guides/night.html': '<h1>No slot here</h1>' });
	beforeAll(async () => {
		database = await testBackends()[0].open();
		await signOffs.refresh(database.db);
		keepReviewLinesTrue(slots, signOffs);
	});
	afterAll(() => {
		rmSync(dir, { recursive: true, force: true });
		return database?.close();
	});

	it('fills unsigned pages with what was prerendered and leaves pages without a slot alone', () => {
		expect(slots.slotNames()).toEqual(['calf-cramps/en']);
		expect(filled).toEqual([['calf-cramps/en', awaiting]]);
	});

	it('fills every slot of the signed guide, escaped, once per change', async () => {
		await signOff(database.db, expert, 'calf-cramps', 'en', findServed('calf-cramps', 'en')!.version.hash, 'checked');
		expect(filled).toHaveLength(2);
		const line = `Reviewed by Dr &#60;Vera&#62;, sports physician, on ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date())}`;
		expect(filled[1]).toEqual(['calf-cramps/en', line]);
		// Nothing changed: no fill, so no new encodings or ETag.
		await signOffs.refresh(database.db);
		expect(filled).toHaveLength(2);
	});
});
