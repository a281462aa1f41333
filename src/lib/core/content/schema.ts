// The shape of everything under content/. One schema for all files: a broken file
// fails the build and the tests with its path and the field that is wrong.
import { z } from 'zod';
import { ID_PATTERN } from './id';
import { LANGS } from './lang';

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

export const URGENCY_LEVELS = ['self-care', 'see-doctor', 'urgent', 'emergency'] as const;
export const urgencySchema = z.enum(URGENCY_LEVELS);
export type Urgency = z.infer<typeof urgencySchema>;

export const EVIDENCE_LEVELS = ['good', 'some', 'weak', 'against'] as const;
export const evidenceSchema = z.strictObject({
	level: z.enum(EVIDENCE_LEVELS),
	note: localized
});

export const sourceSchema = z.strictObject({
	id: idSchema,
	title: z.string().min(1),
	publisher: z.string().min(1),
	year: z.number().int().min(1900).max(2100).optional(),
	url: z.url()
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

export const POSITIONS = ['bed', 'standing', 'floor', 'sitting', 'water'] as const;

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

export const measureSchema = z.strictObject({
	id: idSchema,
	title: localized,
	body: localized,
	evidence: evidenceSchema,
	/** Causes this measure works against (used by the self-check's plan). */
	causes: z.array(idSchema),
	sources: z.array(idSchema).min(1)
});
export type Measure = z.infer<typeof measureSchema>;

/** A sign and what to do about it, shown as an urgency card. */
export const careSchema = z.strictObject({
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
	sources: z.array(idSchema).min(1)
});
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
	title: localized,
	summary: localized,
	tags: z.array(idSchema).min(1),
	preparedBy: z.array(idSchema).min(1),
	reviewedBy: z.array(idSchema).min(1),
	reviewedOn: isoDate,
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
	exercises: z.array(idSchema).min(1)
});
export type Sequence = z.infer<typeof sequenceSchema>;

/** The files that hold lists, and the schema of one entry in each. */
export const listFiles = {
	sources: sourceSchema,
	experts: expertSchema,
	causes: causeSchema,
	exercises: exerciseSchema,
	measures: measureSchema,
	care: careSchema,
	sequences: sequenceSchema
} as const;
export type ListName = keyof typeof listFiles;
