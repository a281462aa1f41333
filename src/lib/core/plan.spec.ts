import { describe, expect, it } from 'vitest';
import { assessmentFromForm } from './assessment/form';
import { isDone, localDay, newPlan, planSchema, readStoredPlan, recentDays, toggle } from './plan';

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
		let p = toggle({ ...plan, createdOn: '2026-02-20' }, '2026-02-28', 'warm-feet');
		p = toggle(toggle(p, '2026-03-01', 'warm-feet'), '2026-03-01', 'regular-stretching');
		expect(recentDays(p, '2026-03-01', 3)).toEqual([
			{ day: '2026-02-27', done: 0, total: 2 },
			{ day: '2026-02-28', done: 1, total: 2 },
			{ day: '2026-03-01', done: 2, total: 2 }
		]);
	});

	it('starts its history on the day it was made, never before', () => {
		expect(recentDays(plan, '2026-03-01')).toEqual([{ day: '2026-03-01', done: 0, total: 2 }]);
		expect(recentDays(plan, '2026-03-03').map((d) => d.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
		expect(recentDays(plan, '2026-03-20')).toHaveLength(7);
	});

	it('keeps the answers that made it', () => {
		const answers = { situation: 'in-bed', durationMinutes: '5', perWeek: '3', factors: ['sweating'], signs: [] };
		expect(newPlan(['warm-feet'], 'ru', '2026-03-01', false, answers).answers).toEqual(answers);
		expect(plan).not.toHaveProperty('answers');
	});

	it('keeps every answer the self-check form sends, so a plan can always be saved from a result', () => {
		const form = new FormData();
		for (const [name, value] of [
			['situation', 'night'],
			['ageGroup', 'child'],
			['durationMinutes', '5'],
			['perWeek', '3'],
			['factors', 'pregnancy'],
			['signs', 'numbness']
		])
			form.append(name, value);
		const { answers } = assessmentFromForm(form, 'en');
		expect(newPlan(['warm-feet'], 'en', '2026-03-01', false, answers).answers).toEqual(answers);
	});

	it('uses the local calendar day', () => expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05'));

	const bad: [string, unknown][] = [
		['an empty plan', { ...plan, measures: [] }],
		['a bad day key', { ...plan, ticks: { yesterday: ['warm-feet'] } }],
		['another version', { ...plan, version: 3 }],
		['an unknown field', { ...plan, owner: 'me' }]
	];
	it.each(bad)('rejects stored data that is %s', (_, data) => expect(planSchema.safeParse(data).success).toBe(false));
});

describe('reading a stored plan', () => {
	const v1 = {
		version: 1,
		lang: 'en',
		createdOn: '2026-03-01',
		measures: ['warm-feet'],
		doctorFirst: true,
		ticks: { '2026-03-02': ['warm-feet'] }
	};

	it('finds no plan where nothing is stored', () => expect(readStoredPlan(undefined)).toEqual({ kind: 'none' }));

	it('reads the current version as it is', () => expect(readStoredPlan(plan)).toEqual({ kind: 'plan', plan }));

	it('migrates version 1 to version 2, keeping every tick and without answers', () =>
		expect(readStoredPlan(v1)).toEqual({ kind: 'plan', plan: { ...v1, version: 2 } }));

	const damaged: [string, unknown][] = [
		['a version 1 plan with an unknown field', { ...v1, owner: 'me' }],
		['a version 2 plan with bad answers', { ...plan, answers: { factors: 'sweating', signs: [] } }],
		['a future version', { ...plan, version: 3 }],
		['not a plan at all', 'plan'],
		['null', null]
	];
	it.each(damaged)('keeps %s as damaged, exactly as it was', (_, record) =>
		expect(readStoredPlan(record)).toEqual({ kind: 'damaged', record })
	);
});
