import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Db } from '../db';
import { feedback } from '../db/schema';
import { createThrowawayDatabase, testBackends } from '../db/testing';
import { recordFeedback } from '../feedback';
import { weeklyTrends } from './trend';

const now = new Date('2026-11-28T12:00:00Z'); // a Saturday; its week began on Monday 2026-11-23
const vote = (guide: string, lang: 'en' | 'ru', helpful: boolean, at: string) => ({ guide, lang, helpful, at: new Date(at) });
/** Stores votes the way the site does, one statement each, at their own times. */
async function store(db: Db, ...votes: ReturnType<typeof vote>[]) {
	for (const v of votes) await recordFeedback(db, v.guide, { lang: v.lang, helpful: v.helpful }, v.at);
}
const week = (trend: { weeks: { start: string; yes: number; no: number }[] }, start: string) => trend.weeks.find((w) => w.start === start);

describe.each(testBackends())('weekly trend on $name', (backend) => {
	let database: Database;
	beforeAll(async () => {
		database = await backend.open();
		await store(
			database.db,
			vote('calf-cramps', 'en', true, '2026-11-22T23:59:59Z'), // Sunday: the week of 11-16
			vote('calf-cramps', 'en', true, '2026-11-23T00:00:00Z'), // Monday: a new week
			vote('calf-cramps', 'ru', false, '2026-11-23T01:30:00+03:00'), // 22:30 UTC on Sunday: still the week of 11-16
			vote('calf-cramps', 'en', false, '2026-11-25T10:00:00Z'),
			vote('calf-cramps', 'ru', true, '2026-11-26T10:00:00Z'),
			vote('calf-cramps', 'en', true, '2026-09-07T00:00:00Z'), // the oldest week shown
			vote('calf-cramps', 'en', true, '2026-09-06T23:59:59Z'), // the week before: not shown
			...Array.from({ length: 30 }, (_, i) => vote('night-leg-cramps', i % 2 ? 'en' : 'ru', i % 3 > 0, `2026-10-0${1 + (i % 7)}T08:00:00Z`))
		);
	});
	afterAll(() => database?.close());

	it('counts each answer in its UTC week, Monday first, and every other week as zero', async () => {
		const [calf] = await weeklyTrends(database.db, ['calf-cramps'], { now });
		expect(calf.weeks).toHaveLength(12);
		expect(calf.weeks[0]).toEqual({ start: '2026-09-07', yes: 1, no: 0 });
		expect(week(calf, '2026-11-16')).toEqual({ start: '2026-11-16', yes: 1, no: 1 });
		expect(week(calf, '2026-11-23')).toEqual({ start: '2026-11-23', yes: 2, no: 1 });
		const quiet = calf.weeks.filter((w) => !['2026-09-07', '2026-11-16', '2026-11-23'].includes(w.start));
		expect(quiet).toHaveLength(9);
		for (const w of quiet) expect(w).toMatchObject({ yes: 0, no: 0 });
	});

	it('counts by the UTC week whatever the time zone of the session that stores the vote', async () => {
		// 20:00 UTC on Sunday is already Monday 06:00 in Vladivostok
		await database.db.transaction(async (tx) => {
			await tx.execute(sql`set local timezone = 'Asia/Vladivostok'`);
			await store(tx, vote('hydration-and-electrolytes', 'ru', true, '2026-11-22T20:00:00Z'));
		});
		const [trend] = await weeklyTrends(database.db, ['hydration-and-electrolytes'], { now });
		expect(week(trend, '2026-11-16')).toEqual({ start: '2026-11-16', yes: 1, no: 0 });
		expect(week(trend, '2026-11-23')).toEqual({ start: '2026-11-23', yes: 0, no: 0 });
	});

	it('keeps guides apart and gives a guide without answers a row of zeros', async () => {
		const [night, swim] = await weeklyTrends(database.db, ['night-leg-cramps', 'swimming-cramps'], { now });
		// 2026-10-01 is a Thursday: days 1–4 fall in the week of 09-28, 5–7 in the week of 10-05
		expect(week(night, '2026-09-28')).toEqual({ start: '2026-09-28', yes: 12, no: 6 });
		expect(week(night, '2026-10-05')).toEqual({ start: '2026-10-05', yes: 8, no: 4 });
		expect(night.weeks.reduce((n, w) => n + w.yes + w.no, 0)).toBe(30);
		expect(swim.weeks.every((w) => w.yes === 0 && w.no === 0)).toBe(true);
	});

	it('filters by language', async () => {
		const [ru] = await weeklyTrends(database.db, ['calf-cramps'], { now, lang: 'ru' });
		expect(week(ru, '2026-11-16')).toEqual({ start: '2026-11-16', yes: 0, no: 1 });
		expect(week(ru, '2026-11-23')).toEqual({ start: '2026-11-23', yes: 1, no: 0 });
		const [en] = await weeklyTrends(database.db, ['calf-cramps'], { now, lang: 'en' });
		expect(week(en, '2026-11-23')).toEqual({ start: '2026-11-23', yes: 1, no: 1 });
	});

	it('counts a vote the site records, in the current week', async () => {
		await recordFeedback(database.db, 'swimming-cramps', { lang: 'en', helpful: false, comment: 'too short' });
		const [swim] = await weeklyTrends(database.db, ['swimming-cramps']);
		expect(swim.weeks.at(-1)).toMatchObject({ yes: 0, no: 1 });
	});
});

describe('the migration counts the votes stored before it', () => {
	const dirs: string[] = [];
	afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

	/** The migrations folder as it was before the weekly counts. */
	function migrationsBefore(): string {
		const dir = mkdtempSync(join(tmpdir(), 'fn-migrations-'));
		dirs.push(dir);
		cpSync('drizzle', dir, { recursive: true });
		const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8'));
		journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0005_feedback_weekly');
		writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
		return dir;
	}

	async function check(open: (migrationsFolder?: string) => Promise<Database>) {
		const old = await open(migrationsBefore());
		// Stored before the weekly table existed: rows only.
		const before = [
			vote('calf-cramps', 'en', true, '2026-11-24T08:00:00Z'),
			vote('calf-cramps', 'en', true, '2026-11-25T08:00:00Z'),
			vote('calf-cramps', 'en', false, '2026-11-20T08:00:00Z')
		];
		await old.db.insert(feedback).values(before.map(({ at, ...v }) => ({ ...v, createdAt: at })));
		await old.close();
		const migrated = await open();
		try {
			await store(migrated.db, vote('calf-cramps', 'en', false, '2026-11-26T08:00:00Z'));
			const [calf] = await weeklyTrends(migrated.db, ['calf-cramps'], { now });
			expect(calf.weeks.slice(-2)).toEqual([
				{ start: '2026-11-16', yes: 0, no: 1 },
				{ start: '2026-11-23', yes: 2, no: 1 }
			]);
		} finally {
			await migrated.close();
		}
	}

	it('on pglite', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'fn-pglite-'));
		dirs.push(dataDir);
		await check((migrationsFolder) => openDatabase({ dataDir, migrationsFolder }));
	});

	it.runIf(process.env.TEST_DATABASE_URL)('on postgres', async () => {
		const throwaway = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!);
		try {
			await check((migrationsFolder) => openDatabase({ url: throwaway.url, migrationsFolder }));
		} finally {
			await throwaway.drop();
		}
	});
});
