import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { assess } from '../assessment/engine';
import { MAX_DURATION_MINUTES, type AssessmentInput } from '../assessment/input';
import { parseLibrary } from '../content/library';
import { AGE_GROUPS, FACTORS, LANGS, SIGNS, SITUATIONS, URGENCY_LEVELS } from '../content/schema';
import { addDays, type Episode } from './episode';
import { FRESH_DAYS, monitor, WINDOW_DAYS } from './monitor';
import { episode } from './testing';

const parsed = parseLibrary(readContentFiles(process.cwd()));
if (!parsed.ok) throw new Error('content is invalid; see library.spec.ts');
const lib = parsed.value;

const TODAY = '2026-03-15';
const rulesOf = (episodes: Episode[]) => monitor(lib, episodes, 'en', { today: TODAY }).findings.map((f) => f.rule);
/** Episodes given as [day, minutes, anything else]. */
const log = (rows: [string, number, Partial<Episode>?][]) =>
	rows.map(([day, durationMinutes, over]) => episode({ day, durationMinutes, ...over }));
const rank = (u: (typeof URGENCY_LEVELS)[number]) => URGENCY_LEVELS.indexOf(u);
const input = (over: Partial<AssessmentInput> & Pick<AssessmentInput, 'episode'>): AssessmentInput => ({
	lang: 'en',
	factors: [],
	signs: [],
	ageGroup: 'adult',
	...over
});

describe('pattern monitor edges', () => {
	it.each([
		['10 minutes is not over 10', [['2026-03-02', 10]], []],
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
		// the self-check asks how long the cramp lasted and how often they come: the longest and the count
		[
			'three a week, the longest 16 minutes',
			[
				['2026-03-02', 16],
				['2026-03-03', 2],
				['2026-03-04', 15]
			],
			['frequent-cramps', 'long-and-frequent', 'long-cramp']
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
			'three of 20 minutes over 8 days: never three in 7',
			[
				['2026-03-02', 20],
				['2026-03-05', 20],
				['2026-03-09', 20]
			],
			['long-cramp']
		],
		[
			'a window across February into March',
			[
				['2026-02-25', 2],
				['2026-02-28', 2],
				['2026-03-03', 2]
			],
			['frequent-cramps']
		],
		// Europe's clocks go forward on 29 March 2026: the days still count as days
		[
			'a window across a DST change',
			[
				['2026-03-27', 2, { offsetMinutes: 60 }],
				['2026-03-29', 2, { offsetMinutes: 120 }],
				['2026-04-02', 2, { offsetMinutes: 120 }]
			],
			['frequent-cramps']
		],
		// the count runs across situations: 3+ a week means a GP wherever they happen
		[
			'two nights and one afternoon: three cramps a week',
			[
				['2026-03-09', 2, { situation: 'night' }],
				['2026-03-10', 2, { situation: 'night' }],
				['2026-03-11', 2, { situation: 'rest' }]
			],
			['frequent-cramps']
		],
		// the diary is one answer: a medicine logged on Monday and weakness on Wednesday are both true
		[
			'[H-40.4] a new medicine on Monday, weakness on Wednesday',
			[
				['2026-03-09', 2, { factors: ['new-medicine'] }],
				['2026-03-11', 2, { signs: ['weakness'] }]
			],
			['medicine-and-weakness', 'medicine-review', 'nerve-or-muscle-signs']
		],
		// an emergency answer is only the emergency, even when other entries meet other rules
		[
			'a cold, pale leg after long cramps',
			[
				['2026-03-10', 20],
				['2026-03-11', 20],
				['2026-03-12', 20, { signs: ['cold-pale-leg'] }]
			],
			['cold-leg']
		]
	] as [string, [string, number, Partial<Episode>?][], string[]][])('%s', (_, rows, rules) => {
		expect(rulesOf(log(rows)).sort()).toEqual([...rules].sort());
	});

	it('names the entries behind each rule, and only those', () => {
		const episodes = log([
			['2026-03-01', 3],
			['2026-03-09', 20],
			['2026-03-10', 3, { factors: ['varicose-veins'] }],
			['2026-03-11', 20]
		]);
		const { findings } = monitor(lib, episodes, 'en', { today: TODAY });
		const behind = (rule: string) => findings.find((f) => f.rule === rule)!.episodes;
		expect(behind('long-cramp')).toEqual([episodes[1].id, episodes[3].id]);
		expect(behind('frequent-cramps')).toEqual(episodes.slice(1).map((e) => e.id));
		expect(behind('veins-first')).toEqual([episodes[2].id]);
	});

	it("[H-42.2] counts first aid's stop as the finding first aid showed, with the entry behind it", () => {
		const rule = lib.rules.get([...lib.sequences.values()][0].timeLimit)!;
		for (const firstAidOutcome of ['time-limit', 'repeat-limit'] as const) {
			const stop = episode({ day: TODAY, durationMinutes: 4, origin: 'first-aid', firstAidOutcome });
			const pattern = monitor(lib, [stop], 'en', { today: TODAY });
			expect(pattern.findings.map((f) => [f.rule, f.episodes])).toEqual([[rule.id, [stop.id]]]);
			expect(pattern.care).toEqual([rule.care]);
		}
		// a session the reader ended themselves is only its length
		expect(rulesOf([episode({ day: TODAY, durationMinutes: 4, origin: 'first-aid', firstAidOutcome: 'gone' })])).toEqual([]);
	});

	it('carries the label of a rule that is our own precaution, as the self-check does', () => {
		const [finding] = monitor(lib, log([[TODAY, 2, { signs: ['cold-pale-leg'] }]]), 'en', { today: TODAY }).findings;
		const checked = assess(lib, input({ episode: { durationMinutes: 2, perWeek: 1, situation: 'rest' }, signs: ['cold-pale-leg'] }));
		expect(finding.precaution).toBeTruthy();
		expect(finding.precaution).toBe(checked.reasons.find((r) => r.id === 'cold-leg')!.precaution);
	});

	it('shows the engine’s "if it gets worse" beside its findings', () => {
		const pattern = monitor(lib, log([[TODAY, 2, { factors: ['pregnancy'] }]]), 'en', { today: TODAY });
		const checked = assess(lib, input({ episode: { durationMinutes: 2, perWeek: 1, situation: 'rest' }, factors: ['pregnancy'] }));
		expect(pattern.findings.length).toBeGreaterThan(0);
		expect(pattern.ifWorse).toEqual(checked.ifWorse);
	});

	it('asks the rules for the age group the reader gave', () => {
		const week = log([
			['2026-03-09', 2],
			['2026-03-10', 2],
			['2026-03-11', 2]
		]);
		expect(monitor(lib, week, 'en', { today: TODAY, ageGroup: 'child' }).findings.map((f) => f.rule)).toContain('child-frequent');
		expect(rulesOf(week)).not.toContain('child-frequent');
	});

	it('an empty diary is said to be empty, and still says what would change the answer', () => {
		const pattern = monitor(lib, [], 'ru', { today: TODAY });
		expect(pattern).toMatchObject({ empty: true, urgency: 'self-care', findings: [], earlier: [] });
		expect(pattern.ifWorse.map((w) => w.sign)).toContain('Судорога длится дольше 10 минут');
	});
});

// Facts the diary and the self-check can both express: cramps of known length, at least one a
// week, in one situation, with answers the self-check asks.
const facts = fc.record({
	lang: fc.constantFrom(...LANGS),
	episode: fc.record({
		// around every threshold the rules use, and anywhere up to the maximum
		durationMinutes: fc.oneof(
			fc.constantFrom(...[...lib.rules.values()].flatMap((r) => r.when.durationMinutesAbove ?? []).flatMap((d) => [d - 0.1, d, d + 0.1])),
			fc.double({ min: 0.1, max: MAX_DURATION_MINUTES, noNaN: true })
		),
		perWeek: fc.integer({ min: 1, max: 14 }),
		situation: fc.constantFrom(...SITUATIONS)
	}),
	factors: fc.subarray([...FACTORS]),
	signs: fc.subarray([...SIGNS]),
	ageGroup: fc.constantFrom(...AGE_GROUPS)
}) as fc.Arbitrary<AssessmentInput & { episode: { durationMinutes: number; perWeek: number } }>;

/** A diary of the last 7 days that says exactly `f`: perWeek entries, the longest f's length, its answers spread over them. */
const diaryOf = (f: fc.Arbitrary<AssessmentInput & { episode: { durationMinutes: number; perWeek: number } }>) =>
	f.chain((facts) => {
		const n = facts.episode.perWeek;
		const entry = fc.record({
			back: fc.integer({ min: 0, max: WINDOW_DAYS - 1 }),
			shorter: fc.double({ min: 0, max: 1, noNaN: true })
		});
		const owner = (ids: readonly string[]) => fc.tuple(...ids.map(() => fc.integer({ min: 0, max: n - 1 })));
		return fc
			.record({ entries: fc.array(entry, { minLength: n, maxLength: n }), signs: owner(facts.signs), factors: owner(facts.factors) })
			.map(({ entries, signs, factors }) => ({
				facts,
				diary: entries.map((x, i) =>
					episode({
						day: addDays(TODAY, -x.back),
						situation: facts.episode.situation,
						// the first is the longest; the others no longer
						durationMinutes: i === 0 ? facts.episode.durationMinutes : Math.max(0.1, facts.episode.durationMinutes * x.shorter),
						signs: facts.signs.filter((_, k) => signs[k] === i),
						factors: facts.factors.filter((_, k) => factors[k] === i)
					})
				)
			}));
	});

describe('the monitor is the self-check, asked about the diary', () => {
	it('[H-40.3] gives the self-check’s level, cards, specialist, rules and safety net for any facts both can express', () => {
		fc.assert(
			fc.property(diaryOf(facts), ({ facts, diary }) => {
				const checked = assess(lib, facts);
				const pattern = monitor(lib, diary, facts.lang, { today: TODAY, ageGroup: facts.ageGroup });
				expect(pattern.urgency).toBe(checked.urgency);
				expect(pattern.care).toEqual(checked.care);
				expect(pattern.specialist).toBe(checked.specialist);
				expect(pattern.findings.map((f) => f.rule)).toEqual(checked.reasons.map((r) => r.id).filter((id) => lib.rules.has(id)));
				expect(pattern.ifWorse).toEqual(checked.ifWorse);
			}),
			{ numRuns: 300 }
		);
	});

	it('does not depend on the order entries are stored in', () => {
		fc.assert(
			fc.property(
				diaryOf(facts).chain(({ facts, diary }) =>
					fc.shuffledSubarray(diary, { minLength: diary.length }).map((shuffled) => ({ facts, diary, shuffled }))
				),
				({ facts, diary, shuffled }) => {
					const options = { today: TODAY, ageGroup: facts.ageGroup };
					expect(monitor(lib, shuffled, facts.lang, options)).toEqual(monitor(lib, diary, facts.lang, options));
				}
			),
			{ numRuns: 100 }
		);
	});

	it(`[H-41.2] a sign logged more than ${FRESH_DAYS} days ago never sets the level; it is asked about, and nothing is lost`, () => {
		const aged = fc.record({
			back: fc.integer({ min: 0, max: 27 }),
			signs: fc.subarray([...SIGNS], { minLength: 1 }),
			durationMinutes: fc.constantFrom(2, 11, 20)
		});
		fc.assert(
			fc.property(fc.array(aged, { minLength: 1, maxLength: 6 }), (rows) => {
				const diary = rows.map((r) => episode({ day: addDays(TODAY, -r.back), durationMinutes: r.durationMinutes, signs: r.signs }));
				const current = diary.map((e) => (rows[diary.indexOf(e)].back > FRESH_DAYS ? { ...e, signs: [] } : e));
				const pattern = monitor(lib, diary, 'en', { today: TODAY });
				const withoutOld = monitor(lib, current, 'en', { today: TODAY });
				// the level is what the current entries say
				expect(pattern.urgency).toBe(withoutOld.urgency);
				expect(pattern.findings.map((f) => f.rule)).toEqual(withoutOld.findings.map((f) => f.rule));
				// every rule the whole diary would meet is either a finding or asked about
				const everything = monitor(lib, diary, 'en');
				for (const f of everything.findings) expect([...pattern.findings, ...pattern.earlier].map((x) => x.rule)).toContain(f.rule);
				// and what is asked about names only old entries
				for (const e of pattern.earlier)
					for (const id of e.episodes) expect(rows[diary.findIndex((d) => d.id === id)].back).toBeGreaterThan(FRESH_DAYS);
			}),
			{ numRuns: 200 }
		);
	});

	it("[H-42.3] first aid's stop on any entry is never less urgent than the card first aid showed", () => {
		const stopCard = lib.rules.get([...lib.sequences.values()][0].timeLimit)!.care;
		fc.assert(
			fc.property(diaryOf(facts), fc.nat(), fc.constantFrom('time-limit', 'repeat-limit'), ({ facts, diary }, k, outcome) => {
				const stopped = diary.map((e, i) =>
					i === k % diary.length ? { ...e, origin: 'first-aid' as const, firstAidOutcome: outcome } : e
				);
				const pattern = monitor(lib, stopped, facts.lang, { today: TODAY, ageGroup: facts.ageGroup });
				expect(rank(pattern.urgency)).toBeGreaterThanOrEqual(rank(lib.care.get(stopCard)!.level));
			}),
			{ numRuns: 100 }
		);
	});
});
