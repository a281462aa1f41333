import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { deskAudit } from '../db/desk-schema';
import { feedback } from '../db/schema';
import { testBackends } from '../db/testing';
import { recordFeedback } from '../feedback';
import { helpfulShares, inboxCsv, inboxPage, parseInboxFilter, setStatus, type InboxFilter } from './inbox';

const editor = { id: null, email: 'editor@example.org' };
const filter = (query: string): InboxFilter => {
	const parsed = parseInboxFilter(new URLSearchParams(query));
	if (!parsed.success) throw parsed.error;
	return parsed.data;
};

describe.each(testBackends())('inbox on $name', (backend) => {
	let database: Database;
	beforeAll(async () => {
		database = await backend.open();
		const base = Date.parse('2026-11-01T12:00:00Z');
		await database.db.insert(feedback).values([
			...Array.from({ length: 120 }, (_, i) => ({
				guide: i % 2 ? 'calf-cramps' : 'night-leg-cramps',
				lang: i % 3 ? 'en' : 'ru',
				helpful: false,
				comment:
					i === 7
						? 'More pictures of the stretch, please'
						: i === 8
							? '=HYPERLINK("http://evil")'
							: [`comment ${i}`, i % 2 ? '' : 'even', i % 5 ? '' : 'fifth', i % 40 ? '' : 'fortieth'].filter(Boolean).join(' '),
				createdAt: new Date(base + i * 60_000)
			})),
			{ guide: 'calf-cramps', lang: 'en', helpful: true, comment: null, createdAt: new Date(base) }
		]);
	});
	afterAll(() => database?.close());

	it('lists only "not helpful" answers, newest first, fifty a page, every row exactly once', async () => {
		const firstPage = await inboxPage(database.db, filter(''));
		expect(firstPage.items[0].comment).toBe('comment 119');
		expect(firstPage.items).toHaveLength(50);
		const seen: string[] = [];
		let next: string | undefined;
		do {
			const result = await inboxPage(database.db, { ...filter(''), after: next });
			seen.push(...result.items.map((i) => i.id));
			next = result.next;
		} while (next);
		expect(seen).toHaveLength(120);
		expect(new Set(seen).size).toBe(120);
	});

	it('filters by guide, language and date', async () => {
		const { items } = await inboxPage(database.db, filter('guide=calf-cramps&lang=ru&from=2026-11-01&to=2026-11-01'));
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item).toMatchObject({ guide: 'calf-cramps', lang: 'ru' });
		expect((await inboxPage(database.db, filter('from=2026-11-02'))).items).toEqual([]);
	});

	it('finds comments by their words', async () => {
		const { items } = await inboxPage(database.db, filter('q=pictures stretch'));
		expect(items.map((i) => i.comment)).toEqual(['More pictures of the stretch, please']);
	});

	// With windows of 7 and 60 answers, these words take every route of a search: a page
	// filled from the first window ("comment", window 60), a second window ("even", 30 of
	// the first 60), and the words' index for the rest (the others).
	it.each([
		['every answer', 'comment'],
		['one answer in 2', 'even'],
		['one answer in 5', 'fifth'],
		['one answer in 40', 'fortieth'],
		['no answer', 'absent'],
		['one answer in 5, one guide and status new', 'fifth', 'guide=calf-cramps&status=new']
	])('a search for %s lists what a reading of every comment finds, page after page', async (_, word, more = '') => {
		const all = await database.db
			.select({ id: feedback.id, comment: feedback.comment, guide: feedback.guide, createdAt: feedback.createdAt })
			.from(feedback)
			.where(eq(feedback.helpful, false));
		const statusRead = new Set((await inboxPage(database.db, filter('status=read'))).items.map((i) => i.id));
		const wanted = all
			.filter((row) => (row.comment ?? '').toLowerCase().split(/\W+/).includes(word))
			.filter((row) => !more.includes('guide') || (row.guide === 'calf-cramps' && !statusRead.has(row.id)))
			.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
			.map((row) => row.id);
		for (const window of [7, 60, 10_000]) {
			const seen: string[] = [];
			let next: string | undefined;
			do {
				const result = await inboxPage(database.db, { ...filter(`q=${word}&${more}`), after: next }, window);
				seen.push(...result.items.map((i) => i.id));
				next = result.next;
			} while (next);
			expect(seen).toEqual(wanted);
		}
	});

	it('refuses a bad filter, naming the field', () => {
		const parsed = parseInboxFilter(new URLSearchParams('status=archived'));
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0].path).toEqual(['status']);
	});

	it('changes status in bulk, filters by it, and audits the change', async () => {
		const { items } = await inboxPage(database.db, filter(''));
		expect(
			await setStatus(
				database.db,
				items.slice(0, 3).map((i) => i.id),
				'read',
				editor
			)
		).toBe(3);
		expect((await inboxPage(database.db, filter('status=read'))).items.map((i) => i.id)).toEqual(items.slice(0, 3).map((i) => i.id));
		const fresh = (await inboxPage(database.db, filter('status=new'))).items.map((i) => i.id);
		expect(fresh.slice(0, 47)).toEqual(items.slice(3).map((i) => i.id));
		const [audit] = await database.db.select().from(deskAudit).where(eq(deskAudit.action, 'feedback.status'));
		expect(audit).toMatchObject({ actorEmail: 'editor@example.org', after: { status: 'read' } });
		expect(audit.before).toMatchObject({ [items[0].id]: 'new' });
	});

	it('[S-40.4] exports the filter as CSV after a BOM, formulas defused, and records who exported which filter and how many rows', async () => {
		const before = await database.db.select().from(deskAudit);
		const bytes = await new Response(inboxCsv(database.db, filter('guide=night-leg-cramps&lang='), editor)).bytes();
		// decoded keeping the BOM, which Response.text() would drop
		const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		expect(csv.startsWith('\uFEFF"created_at","guide","lang","status","comment"\r\n')).toBe(true);
		expect(csv.trimEnd().split('\r\n')).toHaveLength(61);
		expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
		const added = (await database.db.select().from(deskAudit)).slice(before.length);
		expect(added).toMatchObject([
			{
				actorEmail: editor.email,
				action: 'feedback.export',
				target: 'feedback',
				after: { filter: { guide: 'night-leg-cramps' }, rows: 60 }
			}
		]);
	});

	it('gives each guide its yes and no counts, as the votes were recorded', async () => {
		const before = await helpfulShares(database.db);
		for (const helpful of [true, true, false]) await recordFeedback(database.db, 'swimming-cramps', { lang: 'en', helpful });
		await recordFeedback(database.db, 'calf-cramps', { lang: 'ru', helpful: false, comment: 'мало картинок' });
		expect(await helpfulShares(database.db)).toEqual([
			{ guide: 'calf-cramps', yes: 0, no: 1 },
			{ guide: 'swimming-cramps', yes: 2, no: 1 }
		]);
		expect(before).toEqual([]);
	});
});
