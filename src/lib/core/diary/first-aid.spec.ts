import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { parseLibrary } from '../content/library';
import { EPISODES_KEY } from '../first-aid/episode';
import { episodeSchema } from './episode-schema';
import { monitor } from './monitor';
import type { localMoment } from './episode';
import { minutesOf, minutesOver, newFromFirstAid } from './first-aid';

const inMoscow = (d: Date): ReturnType<typeof localMoment> => {
	const m = new Date(d.getTime() + 180 * 60_000).toISOString();
	return { day: m.slice(0, 10), time: m.slice(11, 16), offsetMinutes: 180 };
};
const parsed = parseLibrary(readContentFiles(process.cwd()));
if (!parsed.ok) throw new Error('content is invalid; see library.spec.ts');
const lib = parsed.value;
const stored = (list: object[]) => JSON.stringify(list);
const fa = (startedAt: string, durationSeconds: number, situation = 'bed', outcome = 'gone') => ({
	startedAt,
	durationSeconds,
	situation,
	outcome,
	helped: outcome === 'gone' ? true : null
});

describe('first-aid hand-over', () => {
	it(`reads ${EPISODES_KEY} with the measured duration, in local time`, () => {
		const [e] = newFromFirstAid(stored([fa('2026-03-01T22:30:00.000Z', 95)]), [], inMoscow).fresh;
		expect(e).toMatchObject({
			day: '2026-03-02',
			time: '01:30',
			offsetMinutes: 180,
			durationMinutes: 1.6,
			situation: 'night',
			origin: 'first-aid'
		});
		expect(e.firstAidStartedAt).toBe('2026-03-01T22:30:00.000Z');
	});

	it('imports each episode once: not again on the next visit, not twice from one list', () => {
		const raw = stored([
			fa('2026-03-01T22:30:00.000Z', 95),
			fa('2026-03-02T10:00:00.000Z', 30, 'after-sport'),
			fa('2026-03-01T22:30:00.000Z', 95)
		]);
		const first = newFromFirstAid(raw, [], inMoscow).fresh;
		expect(first.map((e) => e.situation)).toEqual(['night', 'sport']);
		expect(newFromFirstAid(raw, first, inMoscow).fresh).toEqual([]);
		const later = stored([...JSON.parse(raw), fa('2026-03-03T10:00:00.000Z', 700)]);
		expect(newFromFirstAid(later, first, inMoscow).fresh.map((e) => e.durationMinutes)).toEqual([11.7]);
	});

	it.each([
		[0, 0.1],
		[60, 1],
		[600, 10],
		[601, 10.1]
	])('%i s → %d min, never under the real time', (s, m) => expect(minutesOf(s)).toBe(m));

	it.each([
		[0, 0.1],
		[599, 10],
		[600, 10.1],
		[601, 10.1]
	])('%i s still cramping → %d min, longer than measured', (s, m) => expect(minutesOver(s)).toBe(m));

	// first aid stops at its 10-minute limit with the cramp still there, and sends the reader
	// to a doctor today; in the diary that cramp must read as longer than 10 minutes
	it('a session stopped at the time limit is a cramp that outlasted it, and keeps its outcome', () => {
		const [e] = newFromFirstAid(stored([fa('2026-03-01T22:30:00.000Z', 600, 'bed', 'time-limit')]), [], inMoscow).fresh;
		expect(e).toMatchObject({ durationMinutes: 10.1, firstAidOutcome: 'time-limit' });
		expect(monitor(lib, [e], 'en').findings.map((f) => f.rule)).toContain('long-cramp');
	});

	it('a session stopped because the pain kept coming back keeps its measured time and its outcome', () => {
		const [e] = newFromFirstAid(stored([fa('2026-03-01T22:30:00.000Z', 240, 'standing', 'repeat-limit')]), [], inMoscow).fresh;
		expect(e).toMatchObject({ durationMinutes: 4, situation: 'other', firstAidOutcome: 'repeat-limit' });
		expect(episodeSchema.safeParse(e).success).toBe(true);
	});

	it('nothing stored: nothing to import; unreadable text is kept aside, not imported', () => {
		expect(newFromFirstAid(null, [])).toEqual({ fresh: [], unreadable: [] });
		expect(newFromFirstAid('{broken', [])).toEqual({
			fresh: [],
			unreadable: [{ key: 'first-aid', record: '{broken', problem: 'not JSON' }]
		});
	});

	it('[H-48.3] one unreadable record is kept aside with its reason, and every good one still comes in', () => {
		const bad = { startedAt: 'yesterday', durationSeconds: -1 };
		const raw = JSON.stringify([fa('2026-03-01T22:30:00.000Z', 95), bad, fa('2026-03-02T10:00:00.000Z', 30)]);
		const { fresh, unreadable } = newFromFirstAid(raw, [], inMoscow);
		expect(fresh.map((e) => e.firstAidStartedAt)).toEqual(['2026-03-01T22:30:00.000Z', '2026-03-02T10:00:00.000Z']);
		expect(unreadable).toHaveLength(1);
		expect(unreadable[0]).toMatchObject({ key: 'first-aid-2', record: bad });
		expect(unreadable[0].problem).toContain('startedAt');
	});
});
