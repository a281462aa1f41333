import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { parseLibrary } from '../content/library';
import { URGENCY_LEVELS, type Urgency } from '../content/schema';
import { assess, type Assessment } from './engine';
import { assessmentInputSchema, type AssessmentInput } from './input';

const parsed = parseLibrary(readContentFiles(process.cwd()));
if (!parsed.ok) throw new Error('content is invalid; see library.spec.ts');
const lib = parsed.value;

type Answers = {
	situation?: AssessmentInput['episode']['situation'];
	minutes?: number | null;
	perWeek?: number | null;
	factors?: AssessmentInput['factors'];
	signs?: AssessmentInput['signs'];
	lang?: AssessmentInput['lang'];
};
const input = (a: Answers): AssessmentInput =>
	assessmentInputSchema.parse({
		lang: a.lang ?? 'en',
		episode: {
			durationMinutes: a.minutes === undefined ? 2 : a.minutes,
			perWeek: a.perWeek === undefined ? 1 : a.perWeek,
			situation: a.situation ?? 'other'
		},
		factors: a.factors ?? [],
		signs: a.signs ?? []
	});
const run = (a: Answers) => assess(lib, input(a));

type Scenario = {
	name: string;
	answers: Answers;
	urgency: Urgency;
	specialist?: 'phlebologist' | 'gp' | null;
	/** Rule or note ids that must be among the reasons, in this order. */
	reasons?: string[];
	/** Rule ids that must not fire. */
	notReasons?: string[];
	causes?: string[];
	firstAid?: string[];
	prevention?: string[];
};

// Written from content/rules and the sources they cite: the NHS (10 minutes → same day;
// numbness, weakness, disturbed sleep → GP; DVT and chest signs), the original article
// (over 15 minutes and 3+ a week → phlebologist; varicose veins → doctor first).
const scenarios: Scenario[] = [
	{
		name: 'a short night cramp',
		answers: { situation: 'night' },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['night-position'],
		firstAid: ['towel-stretch']
	},
	{
		name: 'nothing points anywhere: said honestly',
		answers: { situation: 'rest' },
		urgency: 'self-care',
		reasons: ['no-warning-signs', 'no-clear-cause'],
		causes: [],
		prevention: ['regular-stretching']
	},
	{
		name: 'not sure of anything',
		answers: { minutes: null, perWeek: null },
		urgency: 'self-care',
		reasons: ['no-clear-cause'],
		causes: []
	},
	{
		name: 'hard training in sport adds up',
		answers: { situation: 'sport', factors: ['intense-exercise'] },
		urgency: 'self-care',
		causes: ['overstrain'],
		firstAid: ['wall-stretch'],
		prevention: ['warm-up-and-cool-down']
	},
	{
		name: 'swimming puts the water technique first',
		answers: { situation: 'swimming' },
		urgency: 'self-care',
		reasons: ['water-technique'],
		causes: ['cold', 'overstrain'],
		firstAid: ['water-release']
	},
	{
		name: 'swimming after drinking in cold water',
		answers: { situation: 'swimming', factors: ['alcohol', 'cold-exposure'] },
		urgency: 'self-care',
		causes: ['cold', 'alcohol', 'overstrain'],
		firstAid: ['water-release']
	},
	{ name: 'exactly 10 minutes is not over 10', answers: { minutes: 10 }, urgency: 'self-care', notReasons: ['long-cramp'] },
	{ name: '11 minutes → same day (NHS)', answers: { minutes: 11 }, urgency: 'urgent', specialist: 'gp', reasons: ['long-cramp'] },
	{ name: '10.5 minutes → same day', answers: { minutes: 10.5 }, urgency: 'urgent', reasons: ['long-cramp'] },
	{
		name: '15 minutes, 3 a week: NHS rule only',
		answers: { minutes: 15, perWeek: 3 },
		urgency: 'urgent',
		specialist: 'gp',
		reasons: ['long-cramp'],
		notReasons: ['long-and-frequent']
	},
	{
		name: '16 minutes, 3 a week: both rules, phlebologist',
		answers: { minutes: 16, perWeek: 3 },
		urgency: 'urgent',
		specialist: 'phlebologist',
		reasons: ['long-cramp', 'long-and-frequent']
	},
	{
		name: '16 minutes, 2 a week: not "several"',
		answers: { minutes: 16, perWeek: 2 },
		urgency: 'urgent',
		specialist: 'gp',
		reasons: ['long-cramp'],
		notReasons: ['long-and-frequent']
	},
	{
		name: '20 minutes daily',
		answers: { minutes: 20, perWeek: 7 },
		urgency: 'urgent',
		specialist: 'phlebologist',
		reasons: ['long-cramp', 'long-and-frequent']
	},
	{ name: '16 minutes, frequency not sure', answers: { minutes: 16, perWeek: null }, urgency: 'urgent', notReasons: ['long-and-frequent'] },
	{
		name: 'duration not sure, often, in sport',
		answers: { minutes: null, perWeek: 5, situation: 'sport' },
		urgency: 'self-care',
		notReasons: ['long-cramp', 'broken-sleep']
	},
	{
		name: 'swelling → urgent, no massage',
		answers: { signs: ['swelling'] },
		urgency: 'urgent',
		reasons: ['clot-signs', 'first-aid-withheld'],
		firstAid: []
	},
	{ name: 'redness → urgent', answers: { signs: ['redness'] }, urgency: 'urgent', reasons: ['clot-signs'], firstAid: [] },
	{ name: 'warmth → urgent', answers: { signs: ['warmth'] }, urgency: 'urgent', reasons: ['clot-signs'], firstAid: [] },
	{ name: 'pain not easing → urgent', answers: { signs: ['pain-not-easing'] }, urgency: 'urgent', reasons: ['clot-signs'], firstAid: [] },
	{
		name: 'chest pain → emergency',
		answers: { signs: ['chest-pain'] },
		urgency: 'emergency',
		specialist: null,
		reasons: ['chest-signs'],
		firstAid: []
	},
	{
		name: 'breathless with a swollen calf',
		answers: { signs: ['swelling', 'breathlessness'] },
		urgency: 'emergency',
		specialist: null,
		reasons: ['chest-signs', 'clot-signs']
	},
	{
		name: 'numbness → GP',
		answers: { signs: ['numbness'] },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['nerve-or-muscle-signs'],
		firstAid: ['wall-stretch']
	},
	{ name: 'weakness → GP', answers: { signs: ['weakness'] }, urgency: 'see-doctor', specialist: 'gp', reasons: ['nerve-or-muscle-signs'] },
	{
		name: 'three nights a week → GP (sleep)',
		answers: { situation: 'night', perWeek: 3 },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['broken-sleep']
	},
	{ name: 'two nights a week', answers: { situation: 'night', perWeek: 2 }, urgency: 'self-care', notReasons: ['broken-sleep'] },
	{
		name: 'five times a week in sport is not broken sleep',
		answers: { situation: 'sport', perWeek: 5 },
		urgency: 'self-care',
		notReasons: ['broken-sleep']
	},
	{
		name: 'varicose veins → doctor before prevention',
		answers: { factors: ['varicose-veins'] },
		urgency: 'see-doctor',
		specialist: 'phlebologist',
		reasons: ['veins-first']
	},
	{
		name: 'varicose veins and chest pain',
		answers: { factors: ['varicose-veins'], signs: ['chest-pain'] },
		urgency: 'emergency',
		reasons: ['chest-signs', 'veins-first']
	},
	{
		name: 'varicose veins and a 12-minute cramp',
		answers: { factors: ['varicose-veins'], minutes: 12 },
		urgency: 'urgent',
		specialist: 'phlebologist',
		reasons: ['long-cramp', 'veins-first']
	},
	{
		name: 'diarrhoea and vomiting',
		answers: { factors: ['diarrhoea', 'vomiting'] },
		urgency: 'self-care',
		causes: ['electrolyte-imbalance'],
		prevention: ['drink-enough', 'rehydrate-when-ill']
	},
	{
		name: 'smoking alone names no cause but a measure',
		answers: { factors: ['smoking'], situation: 'rest' },
		urgency: 'self-care',
		causes: [],
		reasons: ['no-clear-cause'],
		prevention: ['no-alcohol-tobacco']
	},
	{ name: 'extra weight', answers: { factors: ['overweight'] }, urgency: 'self-care', prevention: ['healthy-weight'] },
	{
		name: 'pregnancy',
		answers: { factors: ['pregnancy'], situation: 'night' },
		urgency: 'self-care',
		causes: ['pregnancy', 'night-position']
	},
	{
		name: 'a new medicine',
		answers: { factors: ['new-medicine'] },
		urgency: 'self-care',
		causes: ['medicines'],
		reasons: ['general-prevention']
	},
	{ name: 'a long journey', answers: { factors: ['long-travel-or-bed-rest'] }, urgency: 'self-care', causes: ['injury-immobilisation'] },
	{
		name: 'heels and flat feet',
		answers: { factors: ['high-heels', 'flat-feet'], situation: 'walking' },
		urgency: 'self-care',
		causes: ['foot-position', 'overstrain'],
		prevention: ['comfortable-shoes']
	},
	{
		name: 'injury and a cast',
		answers: { factors: ['leg-injury', 'ankle-immobilised'] },
		urgency: 'self-care',
		causes: ['injury-immobilisation']
	},
	{
		name: 'a swollen calf while swimming: only the water technique, no stretching on land',
		answers: { situation: 'swimming', signs: ['swelling'] },
		urgency: 'urgent',
		reasons: ['clot-signs', 'first-aid-withheld', 'water-technique'],
		firstAid: ['water-release']
	},
	{
		name: 'chest pain after swimming: emergency, the water technique still listed',
		answers: { situation: 'swimming', signs: ['chest-pain'] },
		urgency: 'emergency',
		reasons: ['chest-signs', 'first-aid-withheld', 'water-technique'],
		firstAid: ['water-release']
	},
	{
		name: 'a whole day with numbness',
		answers: { minutes: 1440, signs: ['numbness'] },
		urgency: 'urgent',
		reasons: ['long-cramp', 'nerve-or-muscle-signs']
	},
	{
		name: 'a beginner on a long walk',
		answers: { factors: ['new-to-training'], situation: 'walking' },
		urgency: 'self-care',
		causes: ['overstrain']
	},
	{
		name: 'little water and heavy sweat',
		answers: { factors: ['low-fluid-intake', 'heavy-sweating'] },
		urgency: 'self-care',
		causes: ['electrolyte-imbalance']
	}
];

const ids = <T extends { id: string }>(list: T[]) => list.map((x) => x.id);
const inOrder = (all: string[], wanted: string[]) => all.filter((id) => wanted.includes(id));

describe('self-check scenarios', () => {
	for (const s of scenarios) {
		it(s.name, () => {
			const r = run(s.answers);
			expect(r.urgency).toBe(s.urgency);
			if (s.specialist !== undefined) expect(r.specialist).toBe(s.specialist);
			if (s.reasons) expect(inOrder(ids(r.reasons), s.reasons)).toEqual(s.reasons);
			for (const id of s.notReasons ?? []) expect(ids(r.reasons)).not.toContain(id);
			if (s.causes) expect(ids(r.causes).sort()).toEqual([...s.causes].sort());
			if (s.firstAid) expect(r.firstAid.slice(0, 1)).toEqual(s.firstAid.slice(0, 1));
			if (s.firstAid?.length === 0) expect(r.firstAid).toEqual([]);
			if (s.answers.signs?.some((x) => ['swelling', 'redness', 'warmth', 'pain-not-easing', 'chest-pain', 'breathlessness'].includes(x)))
				expect(r.firstAid.filter((id) => lib.exercises.get(id)?.position !== 'water')).toEqual([]);
			// the original article's rule: a cramp in the water always gets the water technique
			if (s.answers.situation === 'swimming') expect(r.firstAid[0]).toBe('water-release');
			for (const id of s.prevention ?? []) expect(ids(r.prevention)).toContain(id);
		});
	}

	it('every triage rule fires in at least one scenario', () => {
		const fired = new Set(scenarios.flatMap((s) => ids(run(s.answers).reasons)));
		expect([...lib.rules.keys()].filter((id) => !fired.has(id))).toEqual([]);
	});
});

describe('what every result holds', () => {
	const results: [string, Assessment][] = scenarios.flatMap((s) =>
		(['en', 'ru'] as const).map((lang) => [`${s.name} (${lang})`, run({ ...s.answers, lang })] as [string, Assessment])
	);
	const rank = (u: Urgency) => URGENCY_LEVELS.indexOf(u);

	it.each(results)('%s: reasons with sources, a care card at its level, a safety net', (_, r) => {
		expect(r.reasons.length).toBeGreaterThan(0);
		for (const reason of r.reasons) {
			expect(reason.text).not.toMatch(/\{\w+\}/);
			expect(ids(r.sources)).toContain(reason.source);
		}
		expect(lib.care.get(r.care[0])?.level).toBe(r.urgency);
		expect(r.ifWorse.length).toBeGreaterThan(0);
		for (const w of r.ifWorse) expect(rank(w.urgency)).toBeGreaterThanOrEqual(rank(r.urgency));
		expect(r.prevention.length).toBeGreaterThan(0);
		expect(r.firstAid).not.toContain('pin-prick');
		for (const c of r.causes) expect(c.why.length).toBeGreaterThan(0);
	});

	it('gives the same ids in both languages, with the text in the requested one', () => {
		for (const s of scenarios) {
			const [en, ru] = [run({ ...s.answers, lang: 'en' }), run({ ...s.answers, lang: 'ru' })];
			expect(ids(ru.reasons)).toEqual(ids(en.reasons));
			expect(ids(ru.causes)).toEqual(ids(en.causes));
			expect(ru.firstAid).toEqual(en.firstAid);
			expect(ru.reasons.map((x) => x.text).join(' ')).toMatch(/[а-яё]/i);
		}
	});

	it('after a long cramp, still warns about clot signs and chest signs', () => {
		expect(run({ minutes: 12 }).ifWorse.map((w) => w.urgency)).toEqual(['emergency', 'urgent']);
	});

	it('gives each likely cause its most direct measure first', () => {
		const r = run({ situation: 'night', factors: ['alcohol'] });
		expect(ids(r.prevention).slice(0, 2)).toEqual(['no-alcohol-tobacco', 'bedding-and-sleep-position']);
		expect(r.prevention.length).toBeLessThanOrEqual(6);
	});

	it('says which likely causes each measure works against, and how good the evidence is', () => {
		const r = run({ situation: 'night', factors: ['alcohol'], lang: 'ru' });
		const item = r.prevention.find((p) => p.id === 'no-alcohol-tobacco');
		expect(item).toMatchObject({ evidence: 'weak', causes: ['alcohol'] });
		expect(item?.evidenceNote).toMatch(/[а-яё]/i);
		expect(run({ factors: ['smoking'] }).prevention.find((p) => p.id === 'no-alcohol-tobacco')?.causes).toEqual([]);
	});

	it('names the answers that raised the level', () => {
		const r = run({ signs: ['swelling', 'warmth'] });
		expect(r.reasons[0].text).toContain('the calf is swollen; the painful spot feels warm');
	});

	it('adds up answers that point to one cause, strongest first', () => {
		const r = run({ situation: 'sport', factors: ['intense-exercise', 'alcohol'] });
		expect(r.causes.map((c) => [c.id, c.weight])).toEqual([
			['overstrain', 0.9],
			['alcohol', 0.7]
		]);
	});
});

describe('the input schema names the field', () => {
	const good = { lang: 'en', episode: { durationMinutes: 3, perWeek: 1, situation: 'night' }, factors: [], signs: [] };
	const cases: [string, unknown, string][] = [
		['negative minutes', { ...good, episode: { ...good.episode, durationMinutes: -1 } }, 'episode.durationMinutes'],
		['zero minutes', { ...good, episode: { ...good.episode, durationMinutes: 0 } }, 'episode.durationMinutes'],
		['a 10,000-minute cramp', { ...good, episode: { ...good.episode, durationMinutes: 10_000 } }, 'episode.durationMinutes'],
		['minutes as text', { ...good, episode: { ...good.episode, durationMinutes: '3' } }, 'episode.durationMinutes'],
		['half a cramp a week', { ...good, episode: { ...good.episode, perWeek: 1.5 } }, 'episode.perWeek'],
		['101 a week', { ...good, episode: { ...good.episode, perWeek: 101 } }, 'episode.perWeek'],
		['an unknown situation', { ...good, episode: { ...good.episode, situation: 'dancing' } }, 'episode.situation'],
		['an unknown factor', { ...good, factors: ['alcohol', 'coffee'] }, 'factors.1'],
		['an unknown sign', { ...good, signs: ['headache'] }, 'signs.0'],
		['an unknown language', { ...good, lang: 'de' }, 'lang'],
		['an extra field', { ...good, age: 40 }, ''],
		['no episode', { lang: 'en' }, 'episode']
	];
	it.each(cases)('%s', (_, body, field) => {
		const r = assessmentInputSchema.safeParse(body);
		expect(r.success).toBe(false);
		expect(r.error?.issues[0].path.join('.')).toBe(field);
	});

	it('names the unknown id in the message', () => {
		const r = assessmentInputSchema.safeParse({ ...good, factors: ['coffee'] });
		expect(r.error?.issues[0].message).toMatch(/unknown factor "coffee"/);
	});

	it('accepts the bounds and "not sure"', () => {
		for (const episode of [
			{ durationMinutes: 1440, perWeek: 100, situation: 'sport' },
			{ durationMinutes: 0.5, perWeek: 0, situation: 'rest' },
			{ durationMinutes: null, perWeek: null, situation: 'other' }
		])
			expect(assessmentInputSchema.safeParse({ ...good, episode }).success).toBe(true);
	});
});
