// The shape of everything under content/. One schema for all files: a broken file
// fails the build and the tests with its path and the field that is wrong.
import { z } from 'zod';
import { ID_PATTERN } from './id';
import { LANGS } from './lang';
import { URGENCY_LEVELS } from './urgency';
import { EVIDENCE_LEVELS, FACTORS, SIGNS, SITUATIONS } from './vocabulary';

export { LANGS, type Lang } from './lang';
export const langSchema = z.enum(LANGS);

/** Text in both languages: a guide without its Russian (or English) half is invalid. */
export const localized = z.strictObject({
	en: z.string().trim().min(1, 'English text is missing'),
	ru: z.string().trim().min(1, 'Russian text is missing')
});
export type Localized = z.infer<typeof localized>;

export const idSchema = z.string().regex(ID_PATTERN, 'use lower-case-kebab ids');
const isoDate = z.iso.date();

export { URGENCY_LEVELS } from './urgency';
export const urgencySchema = z.enum(URGENCY_LEVELS);
export type Urgency = z.infer<typeof urgencySchema>;

export { EVIDENCE_LEVELS, FACTORS, SIGNS, SITUATIONS } from './vocabulary';
export const evidenceSchema = z.strictObject({
	level: z.enum(EVIDENCE_LEVELS),
	note: localized
});

export const sourceSchema = z.strictObject({
	id: idSchema,
	/** The title in English (a translation when the source is in Russian). */
	title: z.string().min(1),
	/** The title in Russian (a translation when the source is in English). */
	titleRu: z.string().min(1),
	/** The language the source is written in: readers in the other one also see its original title. */
	language: langSchema.default('en'),
	publisher: z.string().min(1),
	year: z.number().int().min(1900).max(2100).optional(),
	/** The document itself; left out when we know of no address for it (never a site's home page). */
	url: z.url().optional(),
	/** What our text cites it for, shown to readers beside it. */
	citedFor: localized
});
export type Source = z.infer<typeof sourceSchema>;

export const expertSchema = z.strictObject({
	id: idSchema,
	name: localized,
	role: localized
});
export type Expert = z.infer<typeof expertSchema>;

export const causeSchema = z.strictObject({
	id: idSchema,
	title: localized,
	/** Markdown: what happens and why it leads to cramps. */
	body: localized,
	/** Whether the cause is named by the seed article or added from other sources. */
	origin: z.enum(['seed', 'added']),
	sources: z.array(idSchema).min(1)
});
export type Cause = z.infer<typeof causeSchema>;

export const doseSchema = z
	.strictObject({
		/** What the reader sees, e.g. "1 minute; repeat if the pain returns". */
		text: localized,
		/** Timed steps: a hold of min..max seconds (min = max for an exact time). */
		seconds: z
			.strictObject({ min: z.number().int().positive(), max: z.number().int().positive() })
			.refine((s) => s.min <= s.max, 'min must not exceed max')
			.optional(),
		/** Counted steps, run in order, e.g. 15 clockwise then 15 counter-clockwise. */
		counts: z
			.array(z.strictObject({ label: localized, times: z.number().int().positive() }))
			.min(1)
			.optional(),
		/** How many times the whole exercise may be repeated if the pain comes back. */
		repeat: z
			.strictObject({ min: z.number().int().positive(), max: z.number().int().positive() })
			.optional()
	})
	.refine((d) => d.seconds || d.counts, {
		message: 'a dose needs seconds or counts',
		path: ['seconds']
	});
export type Dose = z.infer<typeof doseSchema>;

// The self-check's vocabulary: the API accepts exactly these ids, and content/ must
// describe each of them (parseLibrary checks both ways). SITUATIONS, FACTORS and SIGNS are in vocabulary.ts.

/** child: under 16; older: 65 and over. */
export const AGE_GROUPS = ['child', 'adult', 'older'] as const;

/** What a fixed note does in a result; the engine picks notes by role, never by id. */
export const NOTE_ROLES = ['no-warning-signs', 'no-clear-cause', 'general-prevention', 'first-aid-withheld', 'water-technique'] as const;
/** How the self-check form groups the signs, so a short page still asks them all. */
export const SIGN_GROUPS = ['leg', 'injury', 'body'] as const;

export const POSITIONS = ['bed', 'standing', 'floor', 'sitting', 'water'] as const;

/**
 * What an exercise or measure is, so a care card can forbid it as data: a clot card forbids
 * stretch, massage and heat; hyponatraemia forbids fluids; kidney disease forbids potassium.
 */
export const ITEM_KINDS = [
	'stretch',
	'massage',
	'heat',
	'training',
	'fluids',
	'potassium',
	'alcohol-stop',
	'elevation',
	'weight-loss',
	'movement',
	'supplement'
] as const;
export const itemKindSchema = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof itemKindSchema>;

/**
 * Who an exercise or measure is not for, and why. `for` names factor, sign or age-group ids;
 * `instead` offers a safer exercise in its place (e.g. seated rather than flat on the back).
 * A reason either cites sources that say it or is labelled as our own precaution.
 */
export const avoidWithSchema = z
	.strictObject({
		for: z.array(z.enum([...FACTORS, ...SIGNS, ...AGE_GROUPS] as [string, ...string[]])).min(1),
		reason: localized,
		instead: idSchema.optional(),
		sources: z.array(idSchema).default([]),
		/** Set when no source says it: our own precaution, in the reader's words. */
		precaution: localized.optional()
	})
	.refine((a) => a.sources.length > 0 || a.precaution, { message: 'cite a source that says it, or label it as our own precaution', path: ['sources'] });
export type AvoidWith = z.infer<typeof avoidWithSchema>;

export const exerciseSchema = z
	.strictObject({
		id: idSchema,
		title: localized,
		status: z.enum(['recommended', 'not-recommended']),
		position: z.enum(POSITIONS).optional(),
		steps: z.array(localized).optional(),
		dose: doseSchema.optional(),
		/** Required for a not-recommended item: why we do not guide it. */
		reason: localized.optional(),
		/** What it is (required, may be empty): a card that forbids one of these kinds drops it. */
		kinds: z.array(itemKindSchema),
		/** What to do instead while a card forbids what this is (the water technique → float and reach the shore). */
		fallback: idSchema.optional(),
		avoidWith: z.array(avoidWithSchema).default([]),
		sources: z.array(idSchema).min(1)
	})
	.superRefine((e, ctx) => {
		if (e.status === 'recommended') {
			if (!e.steps?.length) ctx.addIssue({ code: 'custom', path: ['steps'], message: 'a recommended exercise needs steps' });
			if (!e.dose) ctx.addIssue({ code: 'custom', path: ['dose'], message: 'a recommended exercise needs a dose' });
			if (!e.position) ctx.addIssue({ code: 'custom', path: ['position'], message: 'a recommended exercise needs a position' });
		} else if (!e.reason) {
			ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a not-recommended item needs the reason' });
		}
	});
export type Exercise = z.infer<typeof exerciseSchema>;

export const measureSchema = z
	.strictObject({
	id: idSchema,
	title: localized,
	body: localized,
	evidence: evidenceSchema,
	/** Causes this measure works against (used by the self-check's plan). */
	causes: z.array(idSchema),
	/** A medicine or supplement: information to discuss with a doctor, never a plan tick-off. */
	medicine: z.boolean().default(false),
	/** What it is (required, may be empty): a card that forbids one of these kinds keeps it out of the plan. */
	kinds: z.array(itemKindSchema),
	avoidWith: z.array(avoidWithSchema).default([]),
	/** Offered only to a reader who reported one of these (vomiting or diarrhoea → replace salts), even when a likely cause fits. */
	onlyFor: z.array(z.enum([...SITUATIONS, ...FACTORS, ...AGE_GROUPS] as [string, ...string[]])).min(1).optional(),
	/** General advice that suits anyone: the plan says "for everyone", and only such a measure may come from a note, with no answer behind it. */
	forEveryone: z.boolean().default(false),
	sources: z.array(idSchema).min(1)
})
	.refine((m) => !(m.forEveryone && m.onlyFor), { message: 'a measure is for everyone or only for some readers, not both', path: ['onlyFor'] });
export type Measure = z.infer<typeof measureSchema>;

/** A sign and what to do about it, shown as an urgency card. */
export const careSchema = z
	.strictObject({
	id: idSchema,
	level: urgencySchema,
	/** The card's heading: the action, e.g. "Call emergency services now". */
	title: localized,
	/** Markdown: the signs that lead here. */
	when: localized,
	/** Markdown: what to do and how soon. */
	action: localized,
	specialist: z.enum(['phlebologist', 'gp']).optional(),
	/** The signs in one short line, for the check that opens guided first aid. */
	sign: localized.optional(),
	/** Markdown, one sentence: what to do right now, shown first on a result. */
	now: localized,
	/** The plan waits for a doctor's visit (e.g. varicose veins): the plan page says so. */
	doctorFirst: z.boolean().default(false),
	/**
	 * Markdown, one sentence with the emergency numbers: when to call. Required on urgent
	 * cards; an emergency card's `now` is its call.
	 */
	call: localized.optional(),
	/** Kinds of exercise or measure this card rules out while it is on an answer (plan, first aid, water technique). */
	forbids: z.array(itemKindSchema).default([]),
	/** Why, in the reader's words: shown beside each item left out for it. */
	forbidsReason: localized.optional(),
	/** A self-care card that names signs to act on the same day: headed "Watch closely" (careLabel); the level, and so triage, stays. */
	watch: z.boolean().default(false),
	sources: z.array(idSchema).min(1)
})
	.refine((c) => !c.watch || c.level === 'self-care', { message: 'only a self-care card is headed "watch closely"', path: ['watch'] })
	.refine((c) => c.level !== 'urgent' || c.call, { message: 'an urgent card needs its call sentence (with the numbers)', path: ['call'] })
	.refine((c) => !c.forbids.length || c.forbidsReason, { message: 'a card that forbids something says why (forbidsReason)', path: ['forbidsReason'] });
export type Care = z.infer<typeof careSchema>;

export const sectionSchema = z.strictObject({
	id: idSchema,
	heading: localized,
	body: localized.optional(),
	care: z.array(idSchema).optional(),
	causes: z.array(idSchema).optional(),
	exercises: z.array(idSchema).optional(),
	measures: z.array(idSchema).optional()
});
export type Section = z.infer<typeof sectionSchema>;

export const guideSchema = z.strictObject({
	slug: idSchema,
	/** The guide the app sends readers to (from first aid and the self-check) and keeps offline: exactly one has it. */
	main: z.literal(true).optional(),
	title: localized,
	summary: localized,
	tags: z.array(idSchema).min(1),
	preparedBy: z.array(idSchema).min(1),
	// No reviewer here: a review is true only for the text it read, so the editorial desk
	// records sign-offs bound to the text's hash (docs/editorial-desk.md).
	updatedOn: isoDate,
	sections: z.array(sectionSchema).min(1),
	sources: z.array(idSchema).min(1)
});
export type Guide = z.infer<typeof guideSchema>;

/** Where the reader is when a cramp starts, and the exercises guided first aid runs there, in order. */
export const sequenceSchema = z.strictObject({
	id: idSchema,
	/** The answer to "Where are you?". */
	title: localized,
	exercises: z.array(idSchema).min(1),
	/** Care cards shown when the reader says first aid did not help. */
	afterCare: z.array(idSchema).min(1),
	/** The self-check rule whose duration ends the session and whose card it then shows (the 10-minute rule). */
	timeLimit: idSchema
});
export type Sequence = z.infer<typeof sequenceSchema>;
/** How strongly an answer points to a cause (0–1), and why, in the reader's words. */
const pointerSchema = z.strictObject({ cause: idSchema, weight: z.number().gt(0).max(1), why: localized });

/** One answer the reader can give: a situation, a factor or a warning sign. */
const answerSchema = <T extends readonly [string, ...string[]]>(ids: T) =>
	z.strictObject({
		id: z.enum(ids),
		label: localized,
		hint: localized.optional(),
		causes: z.array(pointerSchema).default([]),
		/** Prevention that fits this answer even without a cause (e.g. smoking → stop smoking). */
		measures: z.array(idSchema).default([]),
		/** First-aid exercises for this situation, in the order to try them. */
		firstAid: z.array(idSchema).default([]),
		/** Signs only: the group the form shows it in. */
		group: z.enum(SIGN_GROUPS).optional(),
		/**
		 * Asked only where it applies (heat under sport and walking, a cast under injury): any
		 * listed situation or factor. Its rules' safety net follows the same condition.
		 */
		askWhen: z
			.strictObject({ situations: z.array(z.enum(SITUATIONS)).default([]), factors: z.array(z.enum(FACTORS)).default([]) })
			.refine((a) => a.situations.length + a.factors.length > 0, 'name a situation or a factor')
			.optional(),
		sources: z.array(idSchema).default([])
	});
export const situationSchema = answerSchema(SITUATIONS);
export const factorSchema = answerSchema(FACTORS);
export const signSchema = answerSchema(SIGNS).refine((s) => s.group, { message: 'a sign needs its form group', path: ['group'] });
/** Who had the cramp: an answer too (older → ageing as a possible cause). */
export const ageSchema = answerSchema(AGE_GROUPS);
export type Answer =
	| z.infer<typeof factorSchema>
	| z.infer<typeof situationSchema>
	| z.infer<typeof signSchema>
	| z.infer<typeof ageSchema>;

/**
 * A triage rule: when all its conditions hold, the reader gets its care card. Lists
 * (signs, factors, situations) match when any of their ids was given.
 */
export const ruleSchema = z.strictObject({
	id: idSchema,
	when: z
		.strictObject({
			signs: z.array(z.enum(SIGNS)).min(1).optional(),
			factors: z.array(z.enum(FACTORS)).min(1).optional(),
			/** A second list that must match as well (tingling *and* breathing trouble; sweating *and* vomiting). */
			alsoSigns: z.array(z.enum(SIGNS)).min(1).optional(),
			alsoFactors: z.array(z.enum(FACTORS)).min(1).optional(),
			situations: z.array(z.enum(SITUATIONS)).min(1).optional(),
			ageGroups: z.array(z.enum(AGE_GROUPS)).min(1).optional(),
			durationMinutesAbove: z.number().positive().optional(),
			perWeekAtLeast: z.number().int().positive().optional()
		})
		.refine((w) => Object.keys(w).length > 0, 'a rule needs at least one condition'),
	care: idSchema,
	/** Why this answer leads here; `{answers}` becomes the matching answers' labels. */
	reason: localized,
	/**
	 * Signs at which stretching, massage or heat could harm (a clot, a tear): no first aid
	 * on land then. The id of the note (role first-aid-withheld) that says why.
	 */
	withholdFirstAid: idSchema.optional(),
	/**
	 * Safety-netting: shown when the rule has not fired and would raise the level (`text` is
	 * Markdown). Left out for answers that cannot newly appear (a clot risk, an injury).
	 */
	ifWorse: z.strictObject({ sign: localized, text: localized }).optional(),
	/** Causes these answers explain better (walking pain → blood flow, not a tired muscle): not offered then. */
	notCauses: z.array(idSchema).default([]),
	/** Rules whose safety net comes first when this rule fires (clot risk → the clot signs). */
	ifWorseFirst: z.array(idSchema).default([]),
	sources: z.array(idSchema).default([]),
	/** Set when no source says it: our own precaution, in the reader's words. */
	precaution: localized.optional()
}).refine((r) => r.sources.length > 0 || r.precaution, { message: 'cite a source that says it, or label it as our own precaution', path: ['sources'] });
export type Rule = z.infer<typeof ruleSchema>;

/** Fixed explanations the self-check adds to its reasons. */
export const noteSchema = z.strictObject({
	id: idSchema,
	role: z.enum(NOTE_ROLES),
	text: localized,
	/** The care card to show when this note sets the level (no warning signs → self-care). */
	care: idSchema.optional(),
	/** Prevention to offer when this note applies (e.g. general measures when no cause is clear). */
	measures: z.array(idSchema).default([]),
	/** The most urgent answer it may sit beside: "not a bad sign" never sits beside "see a doctor today". */
	upTo: urgencySchema.optional(),
	sources: z.array(idSchema).min(1)
});
export type Note = z.infer<typeof noteSchema>;

/**
 * One wording for a sign or an instruction, used everywhere by `{{phrase:id}}` (expanded
 * when the library is parsed), so cards, guides and rules cannot drift apart.
 */
export const phraseSchema = z.strictObject({
	id: idSchema,
	/** Markdown allowed only where every use is a Markdown field (the emergency numbers' tel: links). */
	text: localized,
	sources: z.array(idSchema).min(1),
	/** Set where the sources do not say all of it: which part is our own precaution (for the hazard log and reviewers). */
	precaution: localized.optional()
});
export type Phrase = z.infer<typeof phraseSchema>;

/** The files that hold lists, and the schema of one entry in each. */
export const listFiles = {
	phrases: phraseSchema,
	sources: sourceSchema,
	experts: expertSchema,
	causes: causeSchema,
	exercises: exerciseSchema,
	measures: measureSchema,
	care: careSchema,
	sequences: sequenceSchema,
	situations: situationSchema,
	factors: factorSchema,
	signs: signSchema,
	ages: ageSchema,
	rules: ruleSchema,
	notes: noteSchema
} as const;
export type ListName = keyof typeof listFiles;
