import { describe, expect, it } from 'vitest';
import { EPISODES_KEY } from '../first-aid/episode';
import type { localMoment } from './episode';
import { minutesOf, newFromFirstAid } from './first-aid';

const inMoscow = (d: Date): ReturnType<typeof localMoment> => {
	const m = new Date(d.getTime() + 180 * 60_000).toISOString();
	return { day: m.slice(0, 10), time: m.slice(11, 16), offsetMinutes: 180 };
};
const stored = (list: object[]) => JSON.stringify(list);
const fa = (startedAt: string, durationSeconds: number, situation = 'bed') => ({
	startedAt,
	durationSeconds,
	situation,
	outcome: 'gone',
	helped: true
});

describe('first-aid hand-over', () => {
	it(`reads ${EPISODES_KEY} with the measured duration, in local time`, () => {
		const [e] = newFromFirstAid(stored([fa('2026-03-01T22:30:00.000Z', 95)]), [], inMoscow);
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
		const first = newFromFirstAid(raw, [], inMoscow);
		expect(first.map((e) => e.situation)).toEqual(['night', 'sport']);
		expect(newFromFirstAid(raw, first, inMoscow)).toEqual([]);
		const later = stored([...JSON.parse(raw), fa('2026-03-03T10:00:00.000Z', 700)]);
		expect(newFromFirstAid(later, first, inMoscow).map((e) => e.durationMinutes)).toEqual([11.7]);
	});

	it.each([
		[0, 0.1],
		[60, 1],
		[600, 10],
		[601, 10.1]
	])('%i s → %d min, never under the real time', (s, m) => expect(minutesOf(s)).toBe(m));

	it('nothing stored or unreadable: nothing to import', () => {
		expect(newFromFirstAid(null, [])).toEqual([]);
		expect(newFromFirstAid('{broken', [])).toEqual([]);
	});
});
