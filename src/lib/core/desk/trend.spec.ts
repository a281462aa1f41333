import { describe, expect, it } from 'vitest';
import { fillTrends, helpfulPercent, TREND_WEEKS, trendTotals } from './trend';

describe('fillTrends', () => {
	it('gives every guide every week, Monday-based and oldest first, with zeros where nobody answered', () => {
		// 2026-11-28 is a Saturday: its week began on Monday 2026-11-23
		const [calf, night] = fillTrends(
			[
				{ guide: 'calf-cramps', week: '2026-11-23', yes: 3, no: 1 },
				{ guide: 'calf-cramps', week: '2026-09-07', yes: 2, no: 0 }
			],
			['calf-cramps', 'night-leg-cramps'],
			'2026-11-28'
		);
		expect(calf.weeks).toHaveLength(TREND_WEEKS);
		expect(calf.weeks[0]).toEqual({ start: '2026-09-07', yes: 2, no: 0 });
		expect(calf.weeks.at(-1)).toEqual({ start: '2026-11-23', yes: 3, no: 1 });
		expect(calf.weeks.slice(1, -1).every((w) => w.yes === 0 && w.no === 0)).toBe(true);
		expect(night).toEqual({ guide: 'night-leg-cramps', weeks: calf.weeks.map((w) => ({ ...w, yes: 0, no: 0 })) });
	});

	it('leaves out weeks before the window and guides not asked for', () => {
		const trends = fillTrends(
			[
				{ guide: 'calf-cramps', week: '2026-08-31', yes: 9, no: 9 },
				{ guide: 'retired-guide', week: '2026-11-23', yes: 1, no: 1 }
			],
			['calf-cramps'],
			'2026-11-23'
		);
		expect(trends.map((t) => t.guide)).toEqual(['calf-cramps']);
		expect(trendTotals(trends[0].weeks)).toEqual({ yes: 0, no: 0 });
	});

	it('starts the week on Monday across a year end', () => {
		const [trend] = fillTrends([{ guide: 'g', week: '2026-12-28', yes: 1, no: 2 }], ['g'], '2027-01-03', 2);
		expect(trend.weeks).toEqual([
			{ start: '2026-12-21', yes: 0, no: 0 },
			{ start: '2026-12-28', yes: 1, no: 2 }
		]);
	});
});

describe('trendTotals', () => {
	it('adds up both answers', () => {
		expect(
			trendTotals([
				{ start: '2026-11-16', yes: 2, no: 1 },
				{ start: '2026-11-23', yes: 5, no: 0 }
			])
		).toEqual({ yes: 7, no: 1 });
	});
});

describe('helpfulPercent', () => {
	it.each([
		[0, 0, 0],
		[1, 0, 100],
		[2, 1, 67],
		[1, 2, 33]
	])('%i yes, %i no → %i%', (yes, no, percent) => expect(helpfulPercent(yes, no)).toBe(percent));
});
