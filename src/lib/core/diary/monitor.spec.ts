import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { assess } from '../assessment/engine';
import type { AssessmentInput } from '../assessment/input';
import { parseLibrary } from '../content/library';
import { monitor } from './monitor';
import { episode } from './testing';
import type { Episode } from './episode';

const parsed = parseLibrary(readContentFiles(process.cwd()));
if (!parsed.ok) throw new Error('content is invalid; see library.spec.ts');
const lib = parsed.value;

const rulesOf = (episodes: Episode[]) => monitor(lib, episodes, 'en').findings.map((f) => f.rule);
/** Episodes on consecutive-ish days given as [day, minutes]. */
const log = (rows: [string, number, Partial<Episode>?][]) =>
	rows.map(([day, durationMinutes, over]) => episode({ day, durationMinutes, ...over }));

describe('pattern monitor edges', () => {
	it.each([
		['10 minutes is not over 10', [['2026-03-02', 10]], []],
		['11 minutes is', [['2026-03-02', 11]], ['long-cramp']],
		['10.1 minutes is', [['2026-03-02', 10.1]], ['long-cramp']],
		[
			'three of 15 minutes in a week: not over 15',
			[
				['2026-03-02', 15],
				['2026-03-03', 15],
				['2026-03-04', 15]
			],
			['frequent-cramps', 'long-cramp']
		],
		[
			'three of 16 minutes in a week',
			[
				['2026-03-02', 16],
				['2026-03-03', 16],
				['2026-03-04', 16]
			],
			['frequent-cramps', 'long-and-frequent', 'long-cramp']
		],
		[
			'two of 16 minutes and one of 15',
			[
				['2026-03-02', 16],
				['2026-03-03', 16],
				['2026-03-04', 15]
			],
			['frequent-cramps', 'long-cramp']
		],
		[
			'two of 20 minutes in a week',
			[
				['2026-03-02', 20],
				['2026-03-05', 20]
			],
			['long-cramp']
		],
		[
			'three of 20 minutes, 7 days apart end to end',
			[
				['2026-03-02', 20],
				['2026-03-05', 20],
				['2026-03-08', 20]
			],
			['frequent-cramps', 'long-and-frequent', 'long-cramp']
		],
		[
			'three of 20 minutes over 8 days',
			[
				['2026-03-02', 20],
				['2026-03-05', 20],
				['2026-03-09', 20]
			],
			['long-cramp']
		],
		[
			'a window across a month end',
			[
				['2026-01-29', 20],
				['2026-01-31', 20],
				['2026-02-03', 20]
			],
			['frequent-cramps', 'long-and-frequent', 'long-cramp']
		],
		[
			'a window across February into March',
			[
				['2026-02-25', 20],
				['2026-02-28', 20],
				['2026-03-03', 20]
			],
			['frequent-cramps', 'long-and-frequent', 'long-cramp']
		],
		// Europe's clocks go forward on 29 March 2026: the days still count as days
		[
			'a window across a DST change',
			[
				['2026-03-27', 20, { offsetMinutes: 60 }],
				['2026-03-29', 20, { offsetMinutes: 120 }],
				['2026-04-02', 20, { offsetMinutes: 120 }]
			],
			['frequent-cramps', 'long-and-frequent', 'long-cramp']
		],
		[
			'three short night cramps in a week',
			[
				['2026-03-02', 2, { situation: 'night' }],
				['2026-03-03', 2, { situation: 'night' }],
				['2026-03-04', 2, { situation: 'night' }]
			],
			['frequent-cramps']
		],
		// 3+ a week means a GP in any situation, so the count runs across situations
		[
			'two nights and one afternoon: three cramps a week',
			[
				['2026-03-02', 2, { situation: 'night' }],
				['2026-03-03', 2, { situation: 'night' }],
				['2026-03-04', 2, { situation: 'rest' }]
			],
			['frequent-cramps']
		],
		[
			'three short cramps over 8 days: not three a week',
			[
				['2026-03-02', 2, { situation: 'night' }],
				['2026-03-05', 2, { situation: 'sport' }],
				['2026-03-09', 2, { situation: 'rest' }]
			],
			[]
		],
		['a logged warning sign', [['2026-03-02', 2, { signs: ['swelling'] }]], ['clot-signs']],
		['chest pain', [['2026-03-02', 2, { signs: ['chest-pain'] }]], ['chest-signs']],
		['a factor rule', [['2026-03-02', 2, { factors: ['varicose-veins'] }]], ['veins-first']],
		['a pop in the calf', [['2026-03-02', 2, { signs: ['pop-or-snap'] }]], ['tear-signs']],
		['walking pain that eases with rest', [['2026-03-02', 2, { signs: ['pain-walking-eases-rest'] }]], ['walking-pain']],
		['a clot-risk factor is never silent', [['2026-03-02', 2, { factors: ['pregnancy'] }]], ['clot-risk']],
		[
			'a new medicine with weakness',
			[['2026-03-02', 2, { factors: ['new-medicine'], signs: ['weakness'] }]],
			['medicine-and-weakness', 'medicine-review', 'nerve-or-muscle-signs']
		],
		// an emergency answer is only the emergency, even when older episodes fired other rules
		[
			'a cold, pale leg after long cramps',
			[
				['2026-03-02', 20],
				['2026-03-03', 20],
				['2026-03-04', 20, { signs: ['cold-pale-leg'] }]
			],
			['cold-leg']
		]
	] as [string, [string, number, Partial<Episode>?][], string[]][])('%s', (_, rows, rules) => {
		expect(rulesOf(log(rows)).sort()).toEqual([...rules].sort());
	});

	it('links the episodes that made a rule fire, and only those', () => {
		const episodes = log([
			['2026-03-01', 3],
			['2026-03-02', 20],
			['2026-03-03', 20],
			['2026-03-04', 20]
		]);
		const finding = monitor(lib, episodes, 'en').findings.find((f) => f.rule === 'long-and-frequent')!;
		expect(finding.episodes).toEqual(episodes.slice(1).map((e) => e.id));
		expect(finding.care).toBe('see-doctor-recurring');
	});

	it('carries the label of a rule that is our own precaution, as the self-check does', () => {
		const [finding] = monitor(lib, log([['2026-03-02', 2, { signs: ['cold-pale-leg'] }]]), 'en').findings;
		const checked = assess(lib, {
			lang: 'en',
			episode: { durationMinutes: 2, perWeek: null, situation: 'rest' },
			signs: ['cold-pale-leg'],
			factors: [],
			ageGroup: 'adult'
		});
		expect(finding.precaution).toBeTruthy();
		expect(finding.precaution).toBe(checked.reasons.find((r) => r.id === 'cold-leg')!.precaution);
	});

	it('says what would change the answer when nothing applies', () => {
		const pattern = monitor(lib, [], 'ru');
		expect(pattern.urgency).toBe('self-care');
		expect(pattern.findings).toEqual([]);
		expect(pattern.ifWorse.length).toBeGreaterThan(0);
		expect(pattern.ifWorse.map((w) => w.sign)).toContain('Судорога длится дольше 10 минут');
	});
});

// The same facts given to the self-check and written in the diary must give the same level
// and specialist: the diary is only another way of answering the self-check.
describe('monitor level = self-check level for the same facts', () => {
	const week = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];
	const cases: { name: string; facts: AssessmentInput }[] = [];
	const situations = ['night', 'sport', 'rest'] as const;
	for (const minutes of [2, 10, 11, 15, 16, 30])
		for (const perWeek of [1, 2, 3, 5])
			for (const situation of situations)
				for (const signs of [
					[],
					['numbness'],
					['warmth'],
					['breathlessness'],
					['pop-or-snap'],
					['cold-pale-leg']
				] as AssessmentInput['signs'][])
					for (const factors of [[], ['varicose-veins'], ['alcohol'], ['pregnancy'], ['new-medicine']] as AssessmentInput['factors'][])
						cases.push({
							name: `${perWeek}× ${minutes} min, ${situation}, [${signs}], [${factors}]`,
							facts: { lang: 'en', episode: { durationMinutes: minutes, perWeek, situation }, signs, factors, ageGroup: 'adult' }
						});

	it.each(cases)('$name', ({ facts }) => {
		const { durationMinutes, perWeek, situation } = facts.episode;
		// the diary of a week that matches: perWeek such episodes, the signs and factors on the last
		const diary = week.slice(0, perWeek!).map((day, i) =>
			episode({
				day,
				durationMinutes: durationMinutes!,
				situation,
				...(i === perWeek! - 1 ? { signs: facts.signs, factors: facts.factors } : {})
			})
		);
		const checked = assess(lib, facts);
		const monitored = monitor(lib, diary, 'en');
		expect({ urgency: monitored.urgency, specialist: monitored.specialist }).toEqual({
			urgency: checked.urgency,
			specialist: checked.specialist
		});
		expect(monitored.findings.map((f) => f.rule).sort()).toEqual(
			checked.reasons
				.map((r) => r.id)
				.filter((id) => lib.rules.has(id))
				.sort()
		);
	});
});
