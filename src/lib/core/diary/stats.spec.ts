import { describe, expect, it } from 'vitest';
import { addDays } from './episode';
import { fc, test } from '@fast-check/vitest';
import { arbitraryDiary } from './episode-arbitrary';
import { adherence, reportFigures, summarize, weeklyCounts, weekStart, weekStarts } from './stats';
import { episode } from './testing';

describe('weekStart', () => {
	it.each([
		['2026-03-02', '2026-03-02'], // a Monday
		['2026-03-08', '2026-03-02'], // its Sunday
		['2026-03-01', '2026-02-23'],
		['2027-01-01', '2026-12-28']
	])('%s → %s', (day, monday) => expect(weekStart(day)).toBe(monday));
});

describe('statistics', () => {
	it('an empty diary gives zeros and no averages', () => {
		expect(summarize([])).toEqual({
			episodes: 0,
			longest: null,
			averageMinutes: null,
			averageIntensity: null,
			night: 0,
			day: 0,
			factors: [],
			signs: []
		});
		const weeks = weeklyCounts([], '2026-03-04');
		expect(weeks).toHaveLength(12);
		expect(weeks.at(-1)).toEqual({ start: '2026-03-02', episodes: 0, minutes: 0 });
		expect(weeks.every((w) => w.episodes === 0)).toBe(true);
	});

	it('counts, averages, the longest, night and day, factors', () => {
		const list = [
			episode({ day: '2026-03-02', time: '23:10', durationMinutes: 4, intensity: 6, factors: ['alcohol'] }),
			episode({ day: '2026-03-03', time: '05:59', durationMinutes: 12, intensity: 8, factors: ['alcohol', 'heavy-sweating'] }),
			episode({ day: '2026-02-24', time: '14:00', durationMinutes: 1, intensity: 1, signs: ['numbness'] })
		];
		const s = summarize(list);
		expect(s).toMatchObject({ episodes: 3, averageMinutes: 5.7, averageIntensity: 5, night: 2, day: 1 });
		expect(s.longest?.id).toBe(list[1].id);
		expect(s.factors).toEqual([
			{ id: 'alcohol', episodes: 2 },
			{ id: 'heavy-sweating', episodes: 1 }
		]);
		expect(s.signs).toEqual([{ id: 'numbness', episodes: 1 }]);
		expect(weeklyCounts(list, '2026-03-08').slice(-2)).toEqual([
			{ start: '2026-02-23', episodes: 1, minutes: 1 },
			{ start: '2026-03-02', episodes: 2, minutes: 16 }
		]);
	});

	it('ten years of data: every episode in its week, totals add up', () => {
		const list = Array.from({ length: 3653 }, (_, i) => episode({ day: addDays('2016-03-07', i), durationMinutes: (i % 30) + 1 }));
		expect(summarize(list).episodes).toBe(3653);
		const weeks = weeklyCounts(list, '2026-03-07', 522);
		expect(weeks.reduce((n, w) => n + w.episodes, 0)).toBe(3653);
		expect(weeks.slice(1, -1).every((w) => w.episodes === 7)).toBe(true);
		expect(summarize(list).longest?.durationMinutes).toBe(30);
	});
});

describe('plan adherence', () => {
	const plan = (ticks: Record<string, string[]>) => ({
		version: 2 as const,
		lang: 'en' as const,
		createdOn: '2026-02-23',
		measures: ['calf-stretch'],
		doctorFirst: false,
		ticks
	});
	it('splits weeks at five ticked days and gives episodes per week', () => {
		const ticks = Object.fromEntries(
			['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27'].map((d) => [d, ['calf-stretch']])
		);
		const list = [
			episode({ day: '2026-02-24' }),
			episode({ day: '2026-03-03' }),
			episode({ day: '2026-03-04' }),
			episode({ day: '2026-03-05' })
		];
		expect(adherence(list, plan(ticks), '2026-03-08')).toEqual({ kept: { weeks: 1, perWeek: 1 }, other: { weeks: 1, perWeek: 3 } });
	});
	it('a plan made today has one week, not kept', () => {
		expect(adherence([], plan({}), '2026-02-23')).toEqual({ kept: { weeks: 0, perWeek: null }, other: { weeks: 1, perWeek: 0 } });
	});
});

describe('weekStarts', () => {
	it('lists the Mondays up to the week of today, oldest first', () => {
		expect(weekStarts('2026-03-08', 3)).toEqual(['2026-02-16', '2026-02-23', '2026-03-02']);
		expect(weekStarts('2026-03-08', 0)).toEqual([]);
	});
});

describe("the doctor's report: every figure over the chosen period only", () => {
	const plan = (createdOn: string, ticks: string[] = []) => ({
		version: 2 as const,
		lang: 'en' as const,
		createdOn,
		measures: ['calf-stretch'],
		doctorFirst: false,
		ticks: Object.fromEntries(ticks.map((d) => [d, ['calf-stretch']]))
	});
	const from = '2026-03-05';
	const to = '2026-04-01'; // 28 days, from a Thursday to a Wednesday
	// seven cramps in the period, and eight in the four weeks before it
	const inside = ['2026-03-05', '2026-03-09', '2026-03-12', '2026-03-19', '2026-03-20', '2026-03-27', '2026-04-01'].map((day) =>
		episode({ day, durationMinutes: 4, intensity: 6 })
	);
	const before = ['2026-02-05', '2026-02-08', '2026-02-11', '2026-02-15', '2026-02-20', '2026-02-25', '2026-03-01', '2026-03-04'].map(
		(day) => episode({ day, durationMinutes: 30, intensity: 10, signs: ['numbness'], factors: ['alcohol'] })
	);
	const figures = reportFigures([...before, ...inside], from, to, plan('2026-01-01'));

	it.each([
		['count', figures.summary.episodes, 7],
		['longest', figures.summary.longest?.durationMinutes, 4],
		['average minutes', figures.summary.averageMinutes, 4],
		['average pain', figures.summary.averageIntensity, 6],
		['signs', figures.summary.signs, []],
		['factors', figures.summary.factors, []],
		['weeks shown', figures.weeks.map((w) => w.start), ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']],
		['cramps per week', figures.weeks.map((w) => w.episodes), [1, 2, 2, 1, 1]],
		// 7 cramps in 28 days is 1.75 a week; a plan made long before does not add its weeks
		['plan: other weeks', figures.adherence?.other, { weeks: 5, perWeek: 1.8 }],
		['plan: kept weeks', figures.adherence?.kept, { weeks: 0, perWeek: null }]
	])('%s', (_, got, expected) => expect(got).toEqual(expected));

	it('plan weeks start with the plan when it was made inside the period, and count their days only', () => {
		const ticks = ['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20'];
		expect(reportFigures(inside, from, to, plan('2026-03-16', ticks)).adherence).toEqual({
			kept: { weeks: 1, perWeek: 2 }, // 16–22 March: ticked on 5 days, 2 cramps
			other: { weeks: 2, perWeek: 1.4 } // 23 March – 1 April: 10 days, 2 cramps
		});
	});

	test.prop([arbitraryDiary, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 120 })])(
		'entries outside the period never change a figure',
		(diary, offset, length) => {
			const start = addDays('2026-01-01', offset);
			const end = addDays(start, length - 1);
			const inPeriod = diary.filter((e) => e.day >= start && e.day <= end);
			const p = plan('2025-06-01', [addDays(start, 1), addDays(start, 2)]);
			expect(reportFigures(diary, start, end, p)).toEqual(reportFigures(inPeriod, start, end, p));
		}
	);
});
