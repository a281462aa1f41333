import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { parseLibrary } from '../content/library';
import { AGE_GROUPS, FACTORS, LANGS, SIGNS, SITUATIONS, URGENCY_LEVELS, type ItemKind, type Urgency } from '../content/schema';
import { careLabel } from '../content/urgency';
import { assess, type Assessment } from './engine';
import { assessmentInputSchema, MAX_DURATION_MINUTES, MAX_PER_WEEK, type AssessmentInput } from './input';
import { resultCards } from './view';

const parsed = parseLibrary(readContentFiles(process.cwd()));
if (!parsed.ok) throw new Error('content is invalid; see library.spec.ts');
const lib = parsed.value;

type Answers = {
	ageGroup?: AssessmentInput['ageGroup'];
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
		signs: a.signs ?? [],
		...(a.ageGroup && { ageGroup: a.ageGroup })
	});
const run = (a: Answers) => assess(lib, input(a));

type Scenario = {
	name: string;
	answers: Answers;
	urgency: Urgency;
	specialist: 'phlebologist' | 'gp' | null;
	/** Every rule and note id among the reasons, in order. */
	reasons: string[];
	/** The likely causes, in any order. */
	causes: string[];
	/** First aid, exactly, in order. */
	firstAid: string[];
	/** What was left out for this reader (exercise or measure ids), in order. */
	leftOut?: string[];
	/** Measures that must be, and must not be, in the plan. */
	planHas?: string[];
	planLacks?: string[];
};

const CLOT_RISK = ['pregnancy', 'ankle-immobilised', 'long-travel-or-bed-rest', 'recent-surgery', 'previous-clot'] as const;
const NIGHT_AID = ['towel-stretch', 'foot-rotations', 'pinch-massage'];
const SPORT_AID = ['wall-stretch', 'pinch-massage', 'thumb-pressure'];
const OTHER_AID = ['wall-stretch', 'towel-stretch', 'pinch-massage'];

// Written from content/rules and the sources they cite: the NHS (10 minutes → same day;
// numbness, weakness, frequent cramps → GP; DVT, lung clot, tears, tetanus, blood flow),
// the original article (over 15 minutes and 3+ a week → phlebologist; varicose veins →
// doctor first), and our labelled precautions (children, no hard stretching after injury).
const scenarios: Scenario[] = [
	{
		name: 'a short night cramp',
		answers: { situation: 'night' },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['night-position'],
		firstAid: NIGHT_AID
	},
	{
		name: 'nothing points anywhere: said honestly',
		answers: { situation: 'rest' },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: ['towel-stretch', 'pinch-massage', 'thumb-pressure'],
		planHas: ['regular-stretching']
	},
	{
		name: 'not sure of anything',
		answers: { minutes: null, perWeek: null },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: 'hard training in sport adds up',
		answers: { situation: 'sport', factors: ['intense-exercise'] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['overstrain'],
		firstAid: SPORT_AID,
		planHas: ['warm-up-and-cool-down'],
		planLacks: ['healthy-weight']
	},
	{
		name: 'swimming puts the water technique first',
		answers: { situation: 'swimming' },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs', 'water-technique'],
		causes: ['cold', 'overstrain'],
		firstAid: ['water-release', 'pinch-massage', 'wall-stretch']
	},
	// [H-11] the NHS 10-minute rule at its edges
	{
		name: '[H-11.1] 9 minutes is not over 10',
		answers: { minutes: 9 },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '[H-11.1] exactly 10 minutes is not over 10',
		answers: { minutes: 10 },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '[H-11.1] 10.5 minutes → same day',
		answers: { minutes: 10.5 },
		urgency: 'urgent',
		specialist: 'gp',
		reasons: ['long-cramp', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '[H-11.1] 11 minutes → same day (NHS)',
		answers: { minutes: 11 },
		urgency: 'urgent',
		specialist: 'gp',
		reasons: ['long-cramp', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '15 minutes, 3 a week: NHS rules only',
		answers: { minutes: 15, perWeek: 3 },
		urgency: 'urgent',
		specialist: 'gp',
		reasons: ['long-cramp', 'frequent-cramps', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '[H-16.1] 16 minutes, 3 a week: both rules, and the specialist of the most urgent card',
		answers: { minutes: 16, perWeek: 3 },
		urgency: 'urgent',
		specialist: 'gp',
		reasons: ['long-cramp', 'long-and-frequent', 'frequent-cramps', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '16 minutes, 2 a week: not "several"',
		answers: { minutes: 16, perWeek: 2 },
		urgency: 'urgent',
		specialist: 'gp',
		reasons: ['long-cramp', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '16 minutes, frequency not sure',
		answers: { minutes: 16, perWeek: null },
		urgency: 'urgent',
		specialist: 'gp',
		reasons: ['long-cramp', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	// [H-12] frequency in any situation
	{
		name: '[H-12.1] two nights a week',
		answers: { situation: 'night', perWeek: 2 },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['night-position'],
		firstAid: NIGHT_AID
	},
	{
		name: '[H-12.1] three nights a week → GP',
		answers: { situation: 'night', perWeek: 3 },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['frequent-cramps'],
		causes: ['night-position'],
		firstAid: NIGHT_AID
	},
	{
		name: '[H-12.1] three times a week in sport → GP too',
		answers: { situation: 'sport', perWeek: 3 },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['frequent-cramps'],
		causes: ['overstrain'],
		firstAid: SPORT_AID
	},
	{
		name: '[H-12.1] twice a week walking',
		answers: { situation: 'walking', perWeek: 2 },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['overstrain'],
		firstAid: ['wall-stretch', 'thumb-pressure', 'pinch-massage']
	},
	{
		name: '[H-12.1] every day at rest',
		answers: { situation: 'rest', perWeek: 7 },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['frequent-cramps', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: ['towel-stretch', 'pinch-massage', 'thumb-pressure']
	},
	// [H-03] clot signs: urgent, no stretching or massage
	...(['swelling', 'redness', 'warmth', 'pain-not-easing'] as const).map((sign): Scenario => ({
		name: `[H-03.1] ${sign} → urgent, no massage`,
		answers: { signs: [sign] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['clot-signs', 'first-aid-withheld-clot', 'general-prevention'],
		causes: [],
		firstAid: [],
		// the clot card forbids stretching: the general plan's stretching is left out, and says why
		leftOut: ['regular-stretching'],
		planLacks: ['regular-stretching', 'warm-foot-baths', 'professional-massage']
	})),
	// [H-03.2] clot risk never reassures
	...CLOT_RISK.map((factor): Scenario => ({
		name: `[H-03.2] ${factor}: never "no warning signs"`,
		answers: { situation: 'rest', factors: [factor] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['clot-risk', ...(factor === 'recent-surgery' || factor === 'previous-clot' ? ['no-clear-cause'] : []), 'general-prevention'],
		causes:
			factor === 'pregnancy' ? ['pregnancy'] : factor === 'recent-surgery' || factor === 'previous-clot' ? [] : ['injury-immobilisation'],
		firstAid:
			factor === 'pregnancy'
				? ['seated-towel-stretch', 'pinch-massage', 'thumb-pressure']
				: ['towel-stretch', 'pinch-massage', 'thumb-pressure'],
		leftOut: factor === 'pregnancy' ? ['towel-stretch', 'mineral-rich-food'] : []
	})),
	{
		name: '[H-03.2] clot risk with a clot sign → urgent',
		answers: { factors: ['previous-clot'], signs: ['pain-not-easing'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['clot-signs', 'clot-risk', 'first-aid-withheld-clot', 'general-prevention'],
		causes: [],
		firstAid: [],
		leftOut: ['regular-stretching']
	},
	// [H-01] the lung clot: emergency, and only the emergency
	...(['chest-pain', 'breathlessness', 'coughing-blood', 'fainting'] as const).map((sign): Scenario => ({
		name: `[H-01.1] ${sign} → emergency only`,
		answers: { situation: 'night', signs: [sign], factors: ['varicose-veins'] },
		urgency: 'emergency',
		specialist: null,
		reasons: ['chest-signs'],
		causes: [],
		firstAid: []
	})),
	{
		name: '[H-01.1] breathless with a swollen calf',
		answers: { signs: ['swelling', 'breathlessness'] },
		urgency: 'emergency',
		specialist: null,
		reasons: ['chest-signs'],
		causes: [],
		firstAid: []
	},
	{
		name: '[H-01.4] chest pain after swimming: no water technique either',
		answers: { situation: 'swimming', signs: ['chest-pain'] },
		urgency: 'emergency',
		specialist: null,
		reasons: ['chest-signs'],
		causes: [],
		firstAid: []
	},
	{
		name: '[H-02.1] a cold, pale leg → emergency only',
		answers: { situation: 'walking', signs: ['cold-pale-leg'], minutes: 12 },
		urgency: 'emergency',
		specialist: null,
		reasons: ['cold-leg'],
		causes: [],
		firstAid: []
	},
	// [H-04] tears and fresh injuries
	{
		name: "[H-04.1] the issue's case: a pop in sport → urgent, no exercise",
		answers: { situation: 'sport', factors: ['leg-injury'], signs: ['pop-or-snap'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['tear-signs', 'leg-injury', 'first-aid-withheld-injury'],
		causes: ['overstrain', 'injury-immobilisation'],
		firstAid: [],
		// the tear card forbids training: no warm-up routine beside it
		leftOut: ['warm-up-and-cool-down', 'professional-massage', 'regular-stretching'],
		planLacks: ['professional-massage', 'warm-foot-baths', 'regular-stretching', 'warm-up-and-cool-down']
	},
	{
		name: "[H-04.1] can't stand on tiptoe while walking → urgent",
		answers: { situation: 'walking', signs: ['cannot-tiptoe'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['tear-signs', 'first-aid-withheld-injury'],
		causes: ['overstrain'],
		firstAid: [],
		leftOut: ['warm-up-and-cool-down', 'professional-massage', 'regular-stretching'],
		planLacks: ['professional-massage', 'regular-stretching', 'warm-up-and-cool-down']
	},
	{
		name: "[H-04.4] the issue's case: a recent injury in sport gets no massage, heat or hard stretching",
		answers: { situation: 'sport', factors: ['leg-injury'] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['leg-injury'],
		causes: ['overstrain', 'injury-immobilisation'],
		firstAid: [],
		leftOut: ['wall-stretch', 'pinch-massage', 'thumb-pressure', 'warm-up-and-cool-down', 'professional-massage', 'regular-stretching'],
		planLacks: ['professional-massage', 'warm-foot-baths', 'regular-stretching']
	},
	{
		name: '[H-04.4] a recent injury at night keeps only the foot circles',
		answers: { situation: 'night', factors: ['leg-injury'] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['leg-injury'],
		causes: ['night-position', 'injury-immobilisation'],
		firstAid: ['foot-rotations'],
		leftOut: ['towel-stretch', 'pinch-massage', 'warm-foot-baths', 'regular-stretching'],
		planLacks: ['warm-foot-baths', 'regular-stretching']
	},
	// [H-05], [H-06] the issue's pregnant reader: no medicine, no liver, no diet, not flat on the back
	{
		name: "[H-06.1] the issue's case: pregnant, four nights a week",
		answers: { situation: 'night', perWeek: 4, factors: ['pregnancy'] },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['frequent-cramps', 'clot-risk'],
		causes: ['pregnancy', 'night-position'],
		firstAid: ['seated-towel-stretch', 'pinch-massage'],
		leftOut: ['towel-stretch', 'foot-rotations'],
		planLacks: ['prescribed-anticonvulsants', 'mineral-rich-food', 'healthy-weight']
	},
	{
		name: '[H-06.1] pregnant and overweight: no weight-loss diet',
		answers: { factors: ['pregnancy', 'overweight'] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['clot-risk', 'general-prevention'],
		causes: ['pregnancy'],
		firstAid: ['wall-stretch', 'seated-towel-stretch', 'pinch-massage'],
		leftOut: ['towel-stretch', 'healthy-weight', 'mineral-rich-food'],
		planLacks: ['healthy-weight', 'mineral-rich-food']
	},
	{
		name: '[H-06.1] pregnant with diarrhoea: no liver',
		answers: { factors: ['pregnancy', 'diarrhoea'] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['clot-risk'],
		causes: ['electrolyte-imbalance', 'pregnancy'],
		firstAid: ['wall-stretch', 'seated-towel-stretch', 'pinch-massage'],
		leftOut: ['towel-stretch', 'mineral-rich-food'],
		planHas: ['rehydrate-when-ill'],
		planLacks: ['mineral-rich-food', 'multivitamins']
	},
	// [H-07] children
	{
		name: '[H-07.1] a child, twice a week',
		answers: { situation: 'night', perWeek: 2, ageGroup: 'child' },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['night-position'],
		firstAid: NIGHT_AID
	},
	{
		name: '[H-07.1] a child, three times a week → the child card first',
		answers: { situation: 'night', perWeek: 3, ageGroup: 'child' },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['child-frequent', 'frequent-cramps'],
		causes: ['night-position'],
		firstAid: NIGHT_AID,
		planLacks: ['prescribed-anticonvulsants']
	},
	{
		name: '[H-07.1] an adult, three times a week: no child card',
		answers: { situation: 'night', perWeek: 3, ageGroup: 'adult' },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['frequent-cramps'],
		causes: ['night-position'],
		firstAid: NIGHT_AID
	},
	{
		name: '[H-07.2] a child with numbness',
		answers: { signs: ['numbness'], ageGroup: 'child' },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['child-signs', 'nerve-or-muscle-signs', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '[H-07.2] an overweight child: no diet',
		answers: { factors: ['overweight'], ageGroup: 'child' },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID,
		leftOut: ['healthy-weight'],
		planLacks: ['healthy-weight']
	},
	{
		name: '[H-36.1] an older reader at night: ageing among the causes, and no getting down on the floor',
		answers: { situation: 'night', ageGroup: 'older' },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['ageing', 'night-position'],
		// [H-44] nothing that starts on the floor at night: the seated variant instead of foot circles
		firstAid: NIGHT_AID.map((id) => (id === 'foot-rotations' ? 'seated-towel-stretch' : id)),
		leftOut: ['foot-rotations']
	},
	// [H-13] medicines
	{
		name: '[H-13.1] a new medicine → GP review',
		answers: { factors: ['new-medicine'] },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['medicine-review', 'general-prevention'],
		causes: ['medicines'],
		firstAid: OTHER_AID
	},
	{
		name: '[H-13.1] a new medicine and weakness → urgent',
		answers: { factors: ['new-medicine'], signs: ['weakness'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['medicine-and-weakness', 'medicine-review', 'nerve-or-muscle-signs', 'general-prevention'],
		causes: ['medicines'],
		firstAid: OTHER_AID
	},
	{
		name: '[H-13.1] a new medicine and dark urine → urgent',
		answers: { factors: ['new-medicine'], signs: ['dark-urine'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['dark-urine', 'medicine-and-weakness', 'medicine-review', 'general-prevention'],
		causes: ['medicines'],
		firstAid: OTHER_AID
	},
	{
		// A statin is its own factor: the NHS asks for a doctor straight away about unexplained muscle symptoms on one.
		name: '[H-13.2] cramps on a statin → a doctor the same day',
		answers: { factors: ['statin'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['statin-muscle-symptoms', 'general-prevention'],
		causes: ['medicines'],
		firstAid: OTHER_AID
	},
	{
		name: '[H-13.1] dark urine after sport → urgent',
		answers: { situation: 'sport', signs: ['dark-urine'], factors: ['intense-exercise'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['dark-urine'],
		causes: ['overstrain'],
		firstAid: SPORT_AID,
		// the muscle-breakdown card says stop exercising: no warm-up routine in the plan
		leftOut: ['warm-up-and-cool-down'],
		planLacks: ['warm-up-and-cool-down']
	},
	{
		name: '[H-14.1] a dirty wound → urgent GP',
		answers: { signs: ['dirty-wound'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['dirty-wound', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '[H-15.1] pain on walking that eases with rest → GP, not overstrain',
		answers: { situation: 'walking', signs: ['pain-walking-eases-rest'] },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['walking-pain', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: ['wall-stretch', 'thumb-pressure', 'pinch-massage']
	},
	{
		name: 'numbness → GP',
		answers: { signs: ['numbness'] },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['nerve-or-muscle-signs', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: 'varicose veins → doctor before prevention',
		answers: { factors: ['varicose-veins'] },
		urgency: 'see-doctor',
		specialist: 'phlebologist',
		reasons: ['veins-first', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '[H-16.1] varicose veins and a 12-minute cramp: the GP of the urgent card',
		answers: { factors: ['varicose-veins'], minutes: 12 },
		urgency: 'urgent',
		specialist: 'gp',
		reasons: ['long-cramp', 'veins-first', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '[H-16.1] a clot sign with varicose veins: no phlebologist on an urgent clot answer',
		answers: { factors: ['varicose-veins'], signs: ['swelling'], minutes: 16, perWeek: 4 },
		urgency: 'urgent',
		specialist: null,
		reasons: [
			'clot-signs',
			'long-cramp',
			'long-and-frequent',
			'frequent-cramps',
			'veins-first',
			'first-aid-withheld-clot',
			'general-prevention'
		],
		causes: [],
		firstAid: [],
		leftOut: ['regular-stretching']
	},
	{
		name: 'diarrhoea and vomiting',
		answers: { factors: ['diarrhoea', 'vomiting'] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['electrolyte-imbalance'],
		firstAid: OTHER_AID,
		planHas: ['drink-enough', 'rehydrate-when-ill'],
		planLacks: ['multivitamins']
	},
	{
		name: 'smoking alone names no cause but a measure',
		answers: { factors: ['smoking'], situation: 'rest' },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: ['towel-stretch', 'pinch-massage', 'thumb-pressure'],
		planHas: ['no-alcohol-tobacco']
	},
	{
		name: 'extra weight',
		answers: { factors: ['overweight'] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID,
		planHas: ['healthy-weight']
	},
	{
		name: 'heels and flat feet',
		answers: { factors: ['high-heels', 'flat-feet'], situation: 'walking' },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['foot-position', 'overstrain'],
		firstAid: ['wall-stretch', 'thumb-pressure', 'pinch-massage'],
		planHas: ['comfortable-shoes'],
		planLacks: ['healthy-weight']
	},
	{
		name: '[H-37.1] a swollen calf while swimming: float and reach safety, no stretching in the water either',
		answers: { situation: 'swimming', signs: ['swelling'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['clot-signs', 'first-aid-withheld-clot', 'water-technique'],
		causes: ['cold', 'overstrain'],
		firstAid: ['water-float'],
		leftOut: ['water-release', 'warm-up-and-cool-down', 'professional-massage', 'warm-foot-baths'],
		planLacks: ['warm-foot-baths', 'regular-stretching', 'professional-massage']
	},
	{
		name: 'a whole day with numbness',
		answers: { minutes: 1440, signs: ['numbness'] },
		urgency: 'urgent',
		specialist: 'gp',
		reasons: ['long-cramp', 'nerve-or-muscle-signs', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '[H-25.1] the issue\'s case: heavy sweating and vomiting in sport → the heat card, not "no warning signs"',
		answers: { situation: 'sport', minutes: 3, factors: ['heavy-sweating', 'vomiting', 'intense-exercise'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['heat-exhaustion-answers'],
		causes: ['electrolyte-imbalance', 'overstrain'],
		firstAid: SPORT_AID,
		leftOut: ['warm-up-and-cool-down'],
		planLacks: ['warm-up-and-cool-down']
	},
	{
		name: '[H-25.1] being sick in the heat, at rest → the heat card',
		answers: { situation: 'rest', factors: ['hot-environment', 'vomiting'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['heat-exhaustion-in-heat'],
		causes: ['electrolyte-imbalance'],
		firstAid: ['towel-stretch', 'pinch-massage', 'thumb-pressure']
	},
	{
		name: 'sweating and being sick at night, without heat: a stomach bug, not heat exhaustion',
		answers: { situation: 'night', factors: ['heavy-sweating', 'vomiting'] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['electrolyte-imbalance', 'night-position'],
		firstAid: NIGHT_AID,
		planHas: ['rehydrate-when-ill']
	},
	{
		name: '[H-25.1] heat-exhaustion signs on a walk → cool down now',
		answers: { situation: 'walking', signs: ['heat-exhaustion-signs'], factors: ['hot-environment'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['heat-exhaustion'],
		causes: ['electrolyte-imbalance', 'overstrain'],
		firstAid: ['wall-stretch', 'thumb-pressure', 'pinch-massage'],
		leftOut: ['warm-up-and-cool-down']
	},
	{
		name: '[H-24.1] heatstroke signs → emergency only',
		answers: { situation: 'sport', signs: ['heatstroke-signs', 'heat-exhaustion-signs'] },
		urgency: 'emergency',
		specialist: null,
		reasons: ['heatstroke'],
		causes: [],
		firstAid: []
	},
	{
		name: '[H-26.1] confused after drinking a lot in a marathon → emergency, never "drink more"',
		answers: { situation: 'sport', signs: ['confused-after-drinking-lots'], factors: ['endurance-event', 'heavy-sweating'] },
		urgency: 'emergency',
		specialist: null,
		reasons: ['hyponatraemia'],
		causes: [],
		firstAid: []
	},
	{
		name: '[H-26.2] a long event without those signs: no "drink plenty" in the plan',
		answers: { situation: 'sport', factors: ['endurance-event', 'heavy-sweating'] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['electrolyte-imbalance', 'overstrain'],
		firstAid: SPORT_AID,
		leftOut: ['drink-enough'],
		planLacks: ['drink-enough']
	},
	{
		name: "[H-27.1] the issue's case: a cast, swelling and pain not easing → compartment syndrome, A&E now",
		answers: { factors: ['ankle-immobilised', 'leg-injury'], signs: ['swelling', 'pain-not-easing'] },
		urgency: 'emergency',
		specialist: null,
		reasons: ['cast-and-pain'],
		causes: [],
		firstAid: []
	},
	{
		name: '[H-27.1] pain out of proportion after an injury → emergency',
		answers: { factors: ['leg-injury'], signs: ['pain-out-of-proportion'] },
		urgency: 'emergency',
		specialist: null,
		reasons: ['compartment'],
		causes: [],
		firstAid: []
	},
	{
		name: '[H-28.1] numbness around the bottom or new bladder trouble → emergency',
		answers: { signs: ['saddle-numbness-or-bladder-change', 'numbness'] },
		urgency: 'emergency',
		specialist: null,
		reasons: ['cauda-equina'],
		causes: [],
		firstAid: []
	},
	{
		name: '[H-29.1] weakness on one side, a drooping face → emergency',
		answers: { signs: ['stroke-signs'] },
		urgency: 'emergency',
		specialist: null,
		reasons: ['stroke'],
		causes: [],
		firstAid: []
	},
	{
		name: '[H-30.1] fever with spreading redness → urgent',
		answers: { signs: ['fever-spreading-redness'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['cellulitis', 'general-prevention'],
		causes: [],
		firstAid: ['wall-stretch', 'towel-stretch'],
		leftOut: ['pinch-massage']
	},
	{
		name: '[H-31.1] tingling around the mouth → urgent',
		answers: { signs: ['tingling-mouth-or-hand-spasm'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['low-calcium', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	{
		name: '[H-31.1] tingling with trouble breathing → emergency',
		answers: { signs: ['tingling-mouth-or-hand-spasm', 'breathlessness'] },
		urgency: 'emergency',
		specialist: null,
		reasons: ['chest-signs', 'low-calcium-severe'],
		causes: [],
		firstAid: []
	},
	{
		name: '[H-31.2] tingling in the leg after a thyroid operation → the low-calcium card',
		answers: { factors: ['neck-surgery'], signs: ['numbness'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['neck-surgery-tingling', 'nerve-or-muscle-signs', 'general-prevention'],
		causes: [],
		firstAid: OTHER_AID
	},
	...(['recent-birth', 'hormone-medicine', 'cancer'] as const).map((factor): Scenario => ({
		name: `[H-32.1] ${factor}: a clot risk, never "no warning signs"`,
		answers: { situation: 'rest', factors: [factor] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['clot-risk', 'no-clear-cause', 'general-prevention'],
		causes: [],
		firstAid: ['towel-stretch', 'pinch-massage', 'thumb-pressure']
	})),
	{
		name: '[H-32.3] a blood thinner and a swollen calf: the answer says so',
		answers: { factors: ['blood-thinners'], signs: ['swelling'] },
		urgency: 'urgent',
		specialist: null,
		reasons: ['clot-signs', 'blood-thinners-swelling', 'first-aid-withheld-clot', 'general-prevention'],
		causes: [],
		firstAid: [],
		leftOut: ['regular-stretching']
	},
	{
		name: '[H-32.3] a blood thinner and a fresh injury → GP, no massage or heat',
		answers: { factors: ['blood-thinners', 'leg-injury'], situation: 'night' },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['blood-thinners-injury', 'leg-injury'],
		causes: ['night-position', 'injury-immobilisation'],
		firstAid: ['foot-rotations'],
		leftOut: ['towel-stretch', 'pinch-massage', 'warm-foot-baths', 'regular-stretching'],
		planLacks: ['warm-foot-baths', 'professional-massage']
	},
	{
		name: '[H-33.1] kidney disease → GP, no potassium-rich food or "drink more"',
		answers: { factors: ['kidney-disease', 'heavy-sweating'] },
		urgency: 'see-doctor',
		specialist: 'gp',
		reasons: ['kidney-disease', 'general-prevention'],
		causes: ['electrolyte-imbalance'],
		firstAid: OTHER_AID,
		// replacing salts after vomiting or diarrhoea is not for them at all: not left out, never offered
		leftOut: ['drink-enough', 'mineral-rich-food', 'isotonic-for-long-sessions'],
		planLacks: ['drink-enough', 'mineral-rich-food', 'isotonic-for-long-sessions', 'rehydrate-when-ill']
	},
	{
		name: '[H-34.1] diabetes at night: no hot foot baths',
		answers: { factors: ['diabetes'], situation: 'night' },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['night-position'],
		firstAid: NIGHT_AID,
		leftOut: ['warm-foot-baths'],
		planLacks: ['warm-foot-baths']
	},
	{
		name: '[H-35.1] alcohol dependence: a GP, and "don\'t stop suddenly" instead of "give up alcohol"',
		answers: { factors: ['alcohol-dependence'] },
		urgency: 'see-doctor',
		specialist: 'gp',
		// the swimming habits no longer stand in for a plan when they never swam: general advice does
		reasons: ['alcohol-dependence', 'general-prevention'],
		causes: ['alcohol'],
		firstAid: OTHER_AID,
		leftOut: ['no-alcohol-tobacco'],
		planHas: ['cut-down-alcohol-with-gp'],
		planLacks: ['no-alcohol-tobacco']
	},
	{
		name: 'liver disease: its cause is named',
		answers: { factors: ['liver-disease'] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs', 'general-prevention'],
		causes: ['liver-disease'],
		firstAid: OTHER_AID
	},
	{
		name: 'little water and heavy sweat',
		answers: { factors: ['low-fluid-intake', 'heavy-sweating'] },
		urgency: 'self-care',
		specialist: null,
		reasons: ['no-warning-signs'],
		causes: ['electrolyte-imbalance'],
		firstAid: OTHER_AID
	}
];

const ids = <T extends { id: string }>(list: T[]) => list.map((x) => x.id);

describe('self-check scenarios, in both languages', () => {
	for (const s of scenarios)
		for (const lang of ['en', 'ru'] as const)
			it(`${s.name} (${lang})`, () => {
				const r = run({ ...s.answers, lang });
				expect(r.urgency).toBe(s.urgency);
				expect(r.specialist).toBe(s.specialist);
				expect(ids(r.reasons)).toEqual(s.reasons);
				expect(ids(r.causes).sort()).toEqual([...s.causes].sort());
				expect(r.firstAid).toEqual(s.firstAid);
				expect(ids(r.leftOut)).toEqual(s.leftOut ?? []);
				expect(ids(r.prevention)).toEqual(expect.arrayContaining(s.planHas ?? []));
				for (const id of s.planLacks ?? []) expect(ids(r.prevention)).not.toContain(id);
			});

	it('every triage rule fires in at least one scenario', () => {
		const fired = new Set(scenarios.flatMap((s) => ids(run(s.answers).reasons)));
		expect([...lib.rules.keys()].filter((id) => !fired.has(id))).toEqual([]);
	});
});

// Properties over the whole input space: any subset of signs and factors, any age group and
// situation, durations and counts at and around every threshold the rules use, both languages.
const thresholds = <K extends 'durationMinutesAbove' | 'perWeekAtLeast'>(key: K) => [
	...new Set([...lib.rules.values()].flatMap((r) => (r.when[key] === undefined ? [] : [r.when[key]!])))
];
const minutesArb = fc.oneof(
	fc.constant(null),
	fc.constantFrom(...thresholds('durationMinutesAbove').flatMap((t) => [t - 1, t - 0.5, t, t + 0.5, t + 1])),
	fc.double({ min: 0.5, max: MAX_DURATION_MINUTES, noNaN: true })
);
const perWeekArb = fc.oneof(
	fc.constant(null),
	fc.constantFrom(0, MAX_PER_WEEK, ...thresholds('perWeekAtLeast').flatMap((t) => [t - 1, t, t + 1])),
	fc.integer({ min: 0, max: MAX_PER_WEEK })
);
// a few answers (as most readers give) or many, so single rules and their combinations are both drawn
const someOf = <T>(ids: readonly T[]) => fc.oneof(fc.subarray([...ids], { maxLength: 2 }), fc.subarray([...ids]));
const inputArb = fc
	.record({
		lang: fc.constantFrom(...LANGS),
		ageGroup: fc.constantFrom(...AGE_GROUPS),
		episode: fc.record({ durationMinutes: minutesArb, perWeek: perWeekArb, situation: fc.constantFrom(...SITUATIONS) }),
		factors: someOf(FACTORS),
		signs: someOf(SIGNS)
	})
	.map((raw) => assessmentInputSchema.parse(raw));
const RUNS = { numRuns: 600 };
const holds = (predicate: (input: AssessmentInput, r: Assessment) => void) =>
	fc.assert(
		fc.property(inputArb, (i) => predicate(i, assess(lib, i))),
		RUNS
	);
const rank = (u: Urgency) => URGENCY_LEVELS.indexOf(u);
/** The cards of the rules that fired (a result may not show a self-care card, but its forbids still hold). */
const firedCards = (r: Assessment) => r.reasons.flatMap((x) => (lib.rules.has(x.id) ? [lib.care.get(lib.rules.get(x.id)!.care)!] : []));
const forbidden = (r: Assessment) => new Set<ItemKind>(firedCards(r).flatMap((c) => c.forbids));
const NUMBERS = { en: ['999', '112', '911'], ru: ['103', '112'] } as const;

describe('what every result holds, for any input', () => {
	it('[H-37.3] no exercise, water technique or plan item of a kind a card on the answer forbids; no guided session that would run one', () =>
		holds((_, r) => {
			const banned = forbidden(r);
			const clash = (kinds: readonly ItemKind[]) => kinds.filter((k) => banned.has(k));
			for (const id of r.firstAid) expect(clash(lib.exercises.get(id)!.kinds), id).toEqual([]);
			for (const p of r.prevention) expect(clash(lib.measures.get(p.id)!.kinds), p.id).toEqual([]);
			if (r.guidedFirstAid === 'land')
				for (const sequence of lib.sequences.values())
					for (const id of sequence.exercises) expect(clash(lib.exercises.get(id)!.kinds), `${sequence.id}: ${id}`).toEqual([]);
		}));

	it('[H-37.4] no "not a bad sign" note and no self-care card beside an urgent or emergency answer', () =>
		holds((_, r) => {
			if (rank(r.urgency) < rank('urgent')) return;
			expect(r.care.filter((id) => lib.care.get(id)!.level === 'self-care')).toEqual([]);
			for (const reason of r.reasons) {
				const note = lib.notes.get(reason.id);
				if (note?.upTo) expect(rank(r.urgency), note.id).toBeLessThanOrEqual(rank(note.upTo));
			}
		}));

	it('[H-01.4] an emergency answer holds only the emergency', () =>
		holds((_, r) => {
			if (r.urgency !== 'emergency') return;
			expect([r.firstAid, r.prevention, r.causes, r.ifWorse, r.leftOut]).toEqual([[], [], [], [], []]);
			expect(r.care.map((id) => lib.care.get(id)!.level)).toEqual(r.care.map(() => 'emergency'));
			for (const reason of r.reasons) expect(lib.care.get(lib.rules.get(reason.id)!.care)!.level, reason.id).toBe('emergency');
			expect(r.guidedFirstAid).toBeNull();
		}));

	it('[H-16.2] the level and the specialist are those of the most urgent card, and cards come most urgent first', () =>
		holds((_, r) => {
			const levels = r.care.map((id) => rank(lib.care.get(id)!.level));
			expect(levels).toEqual([...levels].sort((a, b) => b - a));
			expect(lib.care.get(r.care[0])!.level).toBe(r.urgency);
			expect(r.specialist).toBe(lib.care.get(r.care[0])!.specialist ?? null);
		}));

	it('[H-38.1] every emergency and urgent card carries its call sentence with the numbers for the language', () =>
		holds((i, r) => {
			const cards = resultCards(lib, r, (markdown) => markdown);
			expect(cards.map((c) => c.id)).toEqual(r.care);
			for (const card of cards) {
				expect([card.title, card.now, card.action].every((t) => t.length > 0)).toBe(true);
				if (rank(card.level) < rank('urgent')) continue;
				for (const n of NUMBERS[i.lang]) expect(card.call, `${card.id} (${i.lang})`).toContain(`(tel:${n})`);
			}
			if (rank(r.urgency) >= rank('urgent')) expect(cards[0].call).toBeDefined();
		}));

	it('[H-32.2] a clot risk never reassures: no "no warning signs", never headed "Self-care", the signs listed, and they lead the safety net', () => {
		const risks = lib.rules.get('clot-risk')!.when.factors!;
		holds((i, r) => {
			if (!i.factors.some((f) => risks.includes(f))) return;
			expect(ids(r.reasons)).not.toContain('no-warning-signs');
			expect(r.care).not.toContain('self-care-usual');
			if (rank(r.urgency) >= rank('urgent')) return;
			// the answer holds the clot-watch card (its signs as a list), and the safety net starts with them
			expect(r.care).toContain('self-care-clot-watch');
			// and the answer is never headed "Self-care" above same-day advice
			expect(careLabel(lib.care.get(r.care[0])!)).not.toBe('self-care');
			expect(lib.care.get('self-care-clot-watch')!.now[i.lang]).toContain(lib.phrases.get('clot-signs-list')!.text[i.lang]);
			expect(r.ifWorse[0].sign).toBe(lib.phrases.get('clot-signs')!.text[i.lang]);
		});
	});

	it('[H-34.2] nothing is offered to a reader it is marked as not for (pregnancy, older readers, diabetes, alcohol dependence, a long event, injuries)', () =>
		holds((i, r) => {
			const reader = new Set<string>([...i.factors, ...i.signs, i.ageGroup]);
			const notFor = (item: { avoidWith: { for: string[] }[] }) => item.avoidWith.some((a) => a.for.some((f) => reader.has(f)));
			for (const id of r.firstAid) expect(notFor(lib.exercises.get(id)!), id).toBe(false);
			for (const p of r.prevention) expect(notFor(lib.measures.get(p.id)!), p.id).toBe(false);
		}));

	it('[H-51.1] a plan item answers something the reader reported, or is marked for everyone; one only for some readers waits for their answer', () =>
		holds((i, r) => {
			const reported = new Set<string>([i.episode.situation, ...i.factors, i.ageGroup]);
			const answers = [lib.situations.get(i.episode.situation)!, ...i.factors.map((f) => lib.factors.get(f)!), lib.ages.get(i.ageGroup)!];
			const named = new Set(answers.flatMap((a) => a.measures));
			for (const p of r.prevention) {
				const m = lib.measures.get(p.id)!;
				expect(p.forEveryone, p.id).toBe(m.forEveryone);
				if (m.onlyFor)
					expect(
						m.onlyFor.some((a) => reported.has(a)),
						`${p.id} only for ${m.onlyFor.join(', ')}`
					).toBe(true);
				// against a likely cause drawn from their answers, named by an answer, or general advice
				expect(p.forEveryone || p.causes.length > 0 || named.has(p.id), p.id).toBe(true);
			}
		}));

	it('[H-51.2] a runner who sweats heavily is not told to replace salts after vomiting or diarrhoea; one who vomited is', () => {
		const runner = run({ situation: 'sport', factors: ['heavy-sweating', 'intense-exercise'] });
		expect(runner.prevention.map((p) => p.id)).not.toContain('rehydrate-when-ill');
		expect(runner.prevention.map((p) => p.id)).toContain('isotonic-for-long-sessions');
		expect(run({ situation: 'sport', factors: ['vomiting'] }).prevention.map((p) => p.id)).toContain('rehydrate-when-ill');
		expect(run({ situation: 'night', factors: ['low-fluid-intake'] }).prevention.map((p) => p.id)).not.toContain(
			'isotonic-for-long-sessions'
		);
	});

	it('[H-36.2] an older reader is never asked to get down on the floor at night', () =>
		holds((i, r) => {
			if (i.ageGroup !== 'older' || i.episode.situation !== 'night') return;
			for (const id of r.firstAid) expect(lib.exercises.get(id)!.position, id).not.toBe('floor');
			expect(r.guidedFirstAid).not.toBe('land');
		}));

	it('[H-33.2] with kidney disease, never a potassium-rich food or a "drink more" measure in the plan', () =>
		holds((i, r) => {
			if (!i.factors.includes('kidney-disease')) return;
			for (const p of r.prevention) expect(lib.measures.get(p.id)!.kinds, p.id).not.toEqual(expect.arrayContaining(['potassium']));
			for (const p of r.prevention) expect(lib.measures.get(p.id)!.kinds, p.id).not.toEqual(expect.arrayContaining(['fluids']));
		}));

	it('[H-35.2] "give up alcohol" only ever comes with "don\'t stop suddenly: talk to a GP"', () =>
		holds((i, r) => {
			const stop = { en: "don't stop suddenly", ru: 'не бросайте резко' };
			for (const p of r.prevention) {
				const m = lib.measures.get(p.id)!;
				if (m.kinds.includes('alcohol-stop')) expect(m.body[i.lang], m.id).toContain(stop[i.lang]);
			}
			if (i.factors.includes('alcohol-dependence')) expect(ids(r.prevention)).not.toContain('no-alcohol-tobacco');
		}));

	it('[H-05.1] never a medicine or supplement in a plan; reasons cite a source or carry the precaution label', () =>
		holds((_, r) => {
			expect(r.prevention.filter((p) => lib.measures.get(p.id)!.medicine).map((p) => p.id)).toEqual([]);
			expect(r.firstAid).not.toContain('pin-prick');
			expect(r.reasons.length).toBeGreaterThan(0);
			for (const reason of r.reasons) {
				expect(reason.text).not.toMatch(/\{\w+\}|\{\{/);
				expect(reason.source === null ? reason.precaution : ids(r.sources)).toContain(reason.source ?? '');
			}
			if (r.urgency !== 'emergency') {
				expect(r.ifWorse.length).toBeGreaterThan(0);
				for (const w of r.ifWorse) expect(rank(w.urgency)).toBeGreaterThanOrEqual(rank(r.urgency));
				expect(r.prevention.length).toBeGreaterThan(0);
			}
		}));

	it('[H-17.1] gives the same ids in both languages, with the text in the requested one', () =>
		fc.assert(
			fc.property(inputArb, (i) => {
				const [en, ru] = [assess(lib, { ...i, lang: 'en' }), assess(lib, { ...i, lang: 'ru' })];
				expect([ids(ru.reasons), ids(ru.causes), ru.firstAid, ids(ru.leftOut), ru.care, ids(ru.prevention)]).toEqual([
					ids(en.reasons),
					ids(en.causes),
					en.firstAid,
					ids(en.leftOut),
					en.care,
					ids(en.prevention)
				]);
				expect(ru.reasons.map((x) => x.text).join(' ')).toMatch(/[а-яё]/i);
				expect(en.reasons.map((x) => x.text).join(' ')).not.toMatch(/[а-яё]/i);
			}),
			{ numRuns: 300 }
		));

	it('[H-03.2] with a clot risk, the reason names the lung-clot signs too, in both languages', () => {
		for (const lang of LANGS) {
			const r = run({ factors: ['previous-clot'], lang });
			const phrase = (id: string) => lib.phrases.get(id)!.text[lang];
			expect(r.ifWorse.slice(0, 2).map((w) => w.sign)).toEqual([phrase('clot-signs'), phrase('lung-clot-signs')]);
		}
	});
});

describe('what a result says', () => {
	it("[H-37.2] the issue's reproductions: a swollen calf at night gets no foot baths or stretching, a tear no warm-up", () => {
		for (const lang of LANGS) {
			const swollen = run({ situation: 'night', minutes: 3, signs: ['swelling'], lang });
			expect(swollen.urgency).toBe('urgent');
			expect(ids(swollen.prevention)).not.toEqual(expect.arrayContaining(['warm-foot-baths']));
			expect(ids(swollen.prevention)).not.toContain('regular-stretching');
			expect(ids(swollen.leftOut)).toEqual(expect.arrayContaining(['warm-foot-baths', 'regular-stretching']));
			const tear = run({ situation: 'sport', signs: ['pop-or-snap'], lang });
			expect(ids(tear.prevention)).not.toContain('warm-up-and-cool-down');
			expect(tear.leftOut.find((l) => l.id === 'warm-up-and-cool-down')!.reason).toBe(lib.care.get('urgent-tear')!.forbidsReason![lang]);
		}
	});

	it('[H-28.2] the numbness and weakness safety net lists the emergencies instead of "not an emergency"', () => {
		for (const lang of LANGS) {
			// phrases are stored as written; a phrase inside a phrase is expanded where it is used
			const exceptions = lib.phrases
				.get('nerve-emergencies')!
				.text[lang].replace('{{phrase:emergency-numbers}}', lib.phrases.get('emergency-numbers')!.text[lang]);
			const net = run({ lang }).ifWorse.find((w) => w.sign === lib.rules.get('nerve-or-muscle-signs')!.ifWorse!.sign[lang])!;
			expect(net.text).toContain(exceptions);
			expect(lib.care.get('see-doctor-gp')!.action[lang]).toContain(exceptions);
			for (const n of NUMBERS[lang]) expect(exceptions).toContain(`(tel:${n})`);
		}
		const notAnEmergency = /not an emergency|not urgent|не срочно/i;
		for (const rule of lib.rules.values())
			for (const lang of LANGS) expect(rule.ifWorse?.text[lang] ?? '', rule.id).not.toMatch(notAnEmergency);
		for (const card of lib.care.values())
			for (const lang of LANGS) expect(`${card.now[lang]} ${card.action[lang]}`, card.id).not.toMatch(notAnEmergency);
	});

	it("[H-04.4] says what it left out and why, in the reader's language", () => {
		const r = run({ situation: 'sport', factors: ['leg-injury'], lang: 'ru' });
		expect(r.leftOut.map((l) => [l.id, l.kind])).toEqual([
			['wall-stretch', 'exercise'],
			['pinch-massage', 'exercise'],
			['thumb-pressure', 'exercise'],
			['warm-up-and-cool-down', 'measure'],
			['professional-massage', 'measure'],
			['regular-stretching', 'measure']
		]);
		for (const l of r.leftOut) expect(l.reason).toMatch(/[а-яё]/i);
		expect(r.guidedFirstAid).toBeNull();
	});

	it('[H-06.1] swaps an exercise flat on the back for the seated one, and says so', () => {
		const r = run({ situation: 'night', factors: ['pregnancy'] });
		expect(r.leftOut[0]).toMatchObject({ id: 'towel-stretch', kind: 'exercise', instead: 'seated-towel-stretch' });
		expect(r.leftOut[0].reason).toContain('16 weeks');
		// the guided session runs fixed exercises, so it is not offered once one was adapted
		expect(r.guidedFirstAid).toBeNull();
	});

	it('offers the guided session on land only when nothing was withheld or adapted', () => {
		expect(run({ situation: 'night' }).guidedFirstAid).toBe('land');
		expect(run({ situation: 'swimming' }).guidedFirstAid).toBe('water');
		// the water session stretches the calf: not while the clot card forbids stretching
		expect(run({ situation: 'swimming', signs: ['swelling'] }).guidedFirstAid).toBeNull();
		expect(run({ signs: ['swelling'] }).guidedFirstAid).toBeNull();
	});

	it('says why first aid was withheld, and asks for a doctor before the plan with varicose veins', () => {
		expect(run({ signs: ['pop-or-snap'] }).firstAidWithheld).toBe(lib.notes.get('first-aid-withheld-injury')!.text.en);
		expect(run({ signs: ['redness'], lang: 'ru' }).firstAidWithheld).toBe(lib.notes.get('first-aid-withheld-clot')!.text.ru);
		expect(run({}).firstAidWithheld).toBeNull();
		expect(run({ factors: ['varicose-veins'] }).doctorFirst).toBe(true);
		expect(run({ signs: ['numbness'] }).doctorFirst).toBe(false);
	});

	it('[H-10.2] a rule that is our own precaution says so in its reason', () => {
		const r = run({ signs: ['cold-pale-leg'], lang: 'ru' });
		expect(r.reasons[0].precaution).toBe(lib.rules.get('cold-leg')!.precaution!.ru);
		expect(run({ signs: ['chest-pain'] }).reasons[0].precaution).toBeUndefined();
	});

	it('after a long cramp, still warns about clot signs and chest signs, the most urgent first', () => {
		const urgencies = run({ minutes: 12 }).ifWorse.map((w) => w.urgency);
		expect(urgencies.slice(0, 2)).toEqual(['emergency', 'emergency']);
		expect(urgencies).toContain('urgent');
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
		expect(item!.evidenceNote).toMatch(/[а-яё]/i);
		expect(run({ factors: ['smoking'] }).prevention.find((p) => p.id === 'no-alcohol-tobacco')!.causes).toEqual([]);
	});

	it('names the answers that raised the level', () => {
		const r = run({ signs: ['swelling', 'warmth'] });
		expect(r.reasons[0].text).toContain('one calf is swollen; the painful spot feels warm');
		// "I" keeps its capital inside the sentence
		expect(run({ signs: ['fainting'] }).reasons[0].text).toContain('about: I fainted or nearly fainted.');
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
		['an unknown age group', { ...good, ageGroup: 'baby' }, 'ageGroup'],
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

	it('defaults the age group to adult, so older callers keep working', () => {
		expect(assessmentInputSchema.parse(good).ageGroup).toBe('adult');
		expect(assessmentInputSchema.parse({ ...good, ageGroup: 'child' }).ageGroup).toBe('child');
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
