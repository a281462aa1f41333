import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db';
import { testBackends } from '../../db/testing';
import { formatDate, t } from '../../../i18n';
import { provideAllMessages } from '../../messages';
import { findServed, refreshSignOffs, signOff } from './index';
import { adoptPrerendered, type PrerenderedPages } from './serving';

provideAllMessages();

const expert = { id: null, email: 'vera@example.org', name: 'Dr <Vera>', specialty: 'sports physician', role: 'expert' as const };
// What ReviewLine.svelte prerenders for the guide served now.
const awaiting = t('en', 'editor.review.awaiting', { date: formatDate('en', findServed('calf-cramps', 'en')!.updatedOn!) });
const slot = (key: string) => `<span data-review-slot="${key}">${awaiting}</span>`;
// A guide page as ReviewLine.svelte renders it: a slot under the title and one in "About this guide".
const PAGE = `<h1>Calf</h1><p class="meta review-line">${slot('calf-cramps/en')}</p><dl><dd>${slot('calf-cramps/en')}</dd></dl>`;

/** The part of serving/pages.js serving.ts uses, keeping every body it was given. */
function store(pages: Record<string, string>) {
	const replaced: [string, string][] = [];
	const table: PrerenderedPages = {
		paths: () => Object.keys(pages),
		body: (path) => pages[path],
		replaceBody: (path, html) => void replaced.push([path, html])
	};
	return { table, replaced };
}

// One backend: the page rewriter keeps module state, as it does in the one server process.
describe(`the prerendered review slots on ${testBackends()[0].name}`, () => {
	let database: Database;
	const { table, replaced } = store({ '/en/guides/calf-cramps': PAGE, '/en/guides/night': '<h1>No slot here</h1>' });
	beforeAll(async () => {
		database = await testBackends()[0].open();
		await refreshSignOffs(database.db);
		adoptPrerendered(table);
	});
	afterAll(() => database?.close());

	it('leaves unsigned pages as prerendered and pages without a slot alone', () => {
		expect(replaced.map(([path]) => path)).toEqual(['/en/guides/calf-cramps']);
		expect(replaced[0][1]).toBe(PAGE);
	});

	it('rewrites every slot of the signed guide, escaped, once per change', async () => {
		await signOff(database.db, expert, 'calf-cramps', 'en', findServed('calf-cramps', 'en')!.version.hash, 'checked');
		expect(replaced).toHaveLength(2);
		const [, html] = replaced[1];
		const line = `Reviewed by Dr &#60;Vera&#62;, sports physician, on ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date())}`;
		expect(html).toBe(PAGE.replaceAll(slot('calf-cramps/en'), `<span data-review-slot="calf-cramps/en">${line}</span>`));
		// Nothing changed: no new body, so no new encodings or ETag.
		await refreshSignOffs(database.db);
		expect(replaced).toHaveLength(2);
	});
});
