import { describe, expect, it } from 'vitest';
import { isDone, localDay, newPlan, planSchema, recentDays, toggle } from './plan';

const plan = newPlan(['regular-stretching', 'warm-feet', 'regular-stretching'], 'en', '2026-03-01', false);

describe('the prevention plan', () => {
	it('keeps each measure once', () => expect(plan.measures).toEqual(['regular-stretching', 'warm-feet']));

	it('ticks and unticks per day without touching the old plan', () => {
		const ticked = toggle(plan, '2026-03-02', 'warm-feet');
		expect(isDone(ticked, '2026-03-02', 'warm-feet')).toBe(true);
		expect(isDone(ticked, '2026-03-03', 'warm-feet')).toBe(false);
		expect(isDone(plan, '2026-03-02', 'warm-feet')).toBe(false);
		expect(toggle(ticked, '2026-03-02', 'warm-feet').ticks).toEqual({});
	});

	it('ignores a measure that is not in the plan', () => expect(toggle(plan, '2026-03-02', 'multivitamins')).toBe(plan));

	it('counts the last days, oldest first, across a month end', () => {
		let p = toggle(plan, '2026-02-28', 'warm-feet');
		p = toggle(toggle(p, '2026-03-01', 'warm-feet'), '2026-03-01', 'regular-stretching');
		expect(recentDays(p, '2026-03-01', 3)).toEqual([
			{ day: '2026-02-27', done: 0, total: 2 },
			{ day: '2026-02-28', done: 1, total: 2 },
			{ day: '2026-03-01', done: 2, total: 2 }
		]);
	});

	it('uses the local calendar day', () => expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05'));

	const bad: [string, unknown][] = [
		['an empty plan', { ...plan, measures: [] }],
		['a bad day key', { ...plan, ticks: { yesterday: ['warm-feet'] } }],
		['another version', { ...plan, version: 2 }],
		['an unknown field', { ...plan, owner: 'me' }]
	];
	it.each(bad)('rejects stored data that is %s', (_, data) => expect(planSchema.safeParse(data).success).toBe(false));
});
