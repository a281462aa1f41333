// The diary as a FHIR R4 Bundle (type "collection"): one Observation per episode, shaped
// after the HL7 FHIR Symptoms IG's SymptomObservation, marked as reported by the patient.
// Codes whose ids we checked are listed with where we checked them; everything else is
// sent as text, never as a guessed code. Beside the words, each field also goes in our own
// code system or an extension, so reading the file back gives the entry exactly as logged.
import { byTime, EPISODE_VERSION, instantOf, isoWithOffset, type Episode } from './episode';
import { z } from 'zod/mini';
import { episodeSchema } from './episode-schema';
import type { CsvProgress } from './csv';
import { decodeUtf8 } from './text';

/**
 * SNOMED CT 55300003 "Cramp (finding)" and 53840002 "Structure of calf of leg": ids as
 * linked to SNOMED International's browser (browser.ihtsdotools.org, edition
 * MAIN/2026-01-01) from the HL7 FHIR Symptoms IG (github.com/HL7/fhir-symptoms-ig,
 * input/pagecontent) and HL7 body-site concept maps. Laterality qualifiers 7771000 Left,
 * 24028007 Right, 51440002 Right and left: SNOMED CT international release.
 */
export const CODES = {
	snomed: 'http://snomed.info/sct',
	icd10: 'http://hl7.org/fhir/sid/icd-10',
	loinc: 'http://loinc.org',
	cramp: { snomed: '55300003', snomedDisplay: 'Cramp (finding)', icd10: 'R25.2', icd10Display: 'Cramp and spasm' },
	calf: { code: '53840002', display: 'Structure of calf of leg' },
	laterality: { code: '272741003', display: 'Laterality' },
	side: {
		left: { code: '7771000', display: 'Left' },
		right: { code: '24028007', display: 'Right' },
		both: { code: '51440002', display: 'Right and left' }
	},
	/** LOINC: 75325-1 Symptom; 72514-3 pain severity 0–10; 100752-5 exacerbating factors. */
	symptom: { code: '75325-1', display: 'Symptom' },
	painScore: { code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' },
	exacerbating: { code: '100752-5', display: 'Exacerbating factors - Reported' },
	symptomCategory: { system: 'http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary', code: 'symptom', display: 'Symptom' },
	patientReported: { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'PATRPT', display: 'patient reported' }
} as const;

/** Our own code systems and extensions: the diary's ids, which no standard code covers. */
const OWN = 'urn:fitnavigator:diary';
export const OWN_SYSTEMS = {
	muscle: `${OWN}:muscle`,
	situation: `${OWN}:situation`,
	factor: `${OWN}:factor`,
	sign: `${OWN}:sign`,
	firstAidOutcome: `${OWN}:first-aid-outcome`,
	origin: `${OWN}:origin`,
	firstAidStartedAt: `${OWN}:first-aid-started-at`,
	version: `${OWN}:version`
} as const;

type Coding = { system?: string; code?: string; display?: string };
type Concept = { coding?: Coding[]; text?: string };
type Quantity = { value: number; unit: string; system: string; code: string };
type Component = { code: Concept; valueInteger?: number; valueQuantity?: Quantity; valueCodeableConcept?: Concept; valueString?: string };
type Extension = { url: string; valueCode?: string; valueString?: string; valueInteger?: number };
export type Observation = {
	resourceType: 'Observation';
	id: string;
	meta: { security: Coding[] };
	extension: Extension[];
	status: 'final';
	category: Concept[];
	code: Concept;
	subject: { reference: string };
	performer: { reference: string }[];
	effectivePeriod: { start: string; end: string };
	issued?: string;
	valueCodeableConcept: Concept;
	bodySite: Concept;
	component: Component[];
	note?: { text: string }[];
};
export type FhirBundle = {
	resourceType: 'Bundle';
	type: 'collection';
	timestamp: string;
	entry: { fullUrl: string; resource: Observation | { resourceType: 'Patient'; id: string; meta: { security: Coding[] } } }[];
};

/** Words for what the codes cannot say (muscle, situation, factors, signs), in the reader's language. */
export type FhirLabels = {
	site: (e: Episode) => string;
	situation: (id: string) => string;
	factor: (id: string) => string;
	sign: (id: string) => string;
	duration: string;
	situationCode: string;
	signCode: string;
	firstAidOutcome: (id: NonNullable<Episode['firstAidOutcome']>) => string;
	firstAidOutcomeCode: string;
};

const PATIENT = 'urn:uuid:00000000-0000-4000-8000-000000000000';

/** The end of the episode, in the same offset as its start. */
function endOf(e: Episode): string {
	const start = isoWithOffset(e);
	const end = new Date(instantOf(e) + Math.round(e.durationMinutes * 60) * 1000 + e.offsetMinutes * 60_000).toISOString();
	return `${end.slice(0, 19)}${start.slice(19)}`;
}

const own = (system: keyof typeof OWN_SYSTEMS, code: string, text: string): Concept => ({
	coding: [{ system: OWN_SYSTEMS[system], code }],
	text
});

export function toObservation(e: Episode, labels: FhirLabels): Observation {
	const side = CODES.side[e.leg];
	return {
		resourceType: 'Observation',
		id: e.id,
		meta: { security: [CODES.patientReported] },
		extension: [
			{ url: OWN_SYSTEMS.origin, valueCode: e.origin },
			...(e.firstAidStartedAt ? [{ url: OWN_SYSTEMS.firstAidStartedAt, valueString: e.firstAidStartedAt }] : []),
			{ url: OWN_SYSTEMS.version, valueInteger: e.version }
		],
		status: 'final',
		category: [{ coding: [CODES.symptomCategory] }],
		code: { coding: [{ system: CODES.loinc, ...CODES.symptom }] },
		subject: { reference: PATIENT },
		performer: [{ reference: PATIENT }],
		effectivePeriod: { start: isoWithOffset(e), end: endOf(e) },
		valueCodeableConcept: {
			coding: [
				{ system: CODES.snomed, code: CODES.cramp.snomed, display: CODES.cramp.snomedDisplay },
				{ system: CODES.icd10, code: CODES.cramp.icd10, display: CODES.cramp.icd10Display }
			],
			text: CODES.cramp.icd10Display
		},
		bodySite: {
			coding: [...(e.muscle === 'calf' ? [{ system: CODES.snomed, ...CODES.calf }] : []), { system: OWN_SYSTEMS.muscle, code: e.muscle }],
			text: labels.site(e)
		},
		component: [
			{
				code: { coding: [{ system: CODES.snomed, ...CODES.laterality }] },
				valueCodeableConcept: { coding: [{ system: CODES.snomed, ...side }] }
			},
			{ code: { coding: [{ system: CODES.loinc, ...CODES.painScore }] }, valueInteger: e.intensity },
			{
				code: { text: labels.duration },
				valueQuantity: { value: e.durationMinutes, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' }
			},
			{ code: { text: labels.situationCode }, valueCodeableConcept: own('situation', e.situation, labels.situation(e.situation)) },
			...e.factors.map((f) => ({
				code: { coding: [{ system: CODES.loinc, ...CODES.exacerbating }] },
				valueCodeableConcept: own('factor', f, labels.factor(f))
			})),
			...e.signs.map((s) => ({ code: { text: labels.signCode }, valueCodeableConcept: own('sign', s, labels.sign(s)) })),
			...(e.firstAidOutcome
				? [
						{
							code: { text: labels.firstAidOutcomeCode },
							valueCodeableConcept: own('firstAidOutcome', e.firstAidOutcome, labels.firstAidOutcome(e.firstAidOutcome))
						}
					]
				: [])
		],
		...(e.note ? { note: [{ text: e.note }] } : {})
	};
}

export function toFhirBundle(episodes: Episode[], labels: FhirLabels, now: Date): FhirBundle {
	return {
		resourceType: 'Bundle',
		type: 'collection',
		timestamp: now.toISOString(),
		entry: [
			// the reader, with nothing that identifies them: the file says whose only if they do
			{
				fullUrl: PATIENT,
				resource: { resourceType: 'Patient', id: '00000000-0000-4000-8000-000000000000', meta: { security: [CODES.patientReported] } }
			},
			...[...episodes].sort(byTime).map((e) => ({ fullUrl: `urn:uuid:${e.id}`, resource: toObservation(e, labels) }))
		]
	};
}

// What reading a file back needs of an Observation, checked before anything is read from it:
// a file from elsewhere (or edited by hand) is refused with the place that is wrong, never a crash.
const codingSchema = z.looseObject({ system: z.optional(z.string()), code: z.optional(z.string()) });
const conceptSchema = z.looseObject({ coding: z.optional(z.array(codingSchema)), text: z.optional(z.string()) });
const observationSchema = z.looseObject({
	resourceType: z.literal('Observation'),
	id: z.string(),
	extension: z.optional(
		z.array(
			z.looseObject({
				url: z.string(),
				valueCode: z.optional(z.string()),
				valueString: z.optional(z.string()),
				valueInteger: z.optional(z.number())
			})
		)
	),
	effectivePeriod: z.looseObject({ start: z.string() }),
	bodySite: z.optional(conceptSchema),
	component: z.array(
		z.looseObject({
			code: conceptSchema,
			valueInteger: z.optional(z.number()),
			valueQuantity: z.optional(z.looseObject({ value: z.number(), code: z.optional(z.string()) })),
			valueCodeableConcept: z.optional(conceptSchema)
		})
	),
	note: z.optional(z.array(z.looseObject({ text: z.string() })))
});
type ReadObservation = z.infer<typeof observationSchema>;
const bundleSchema = z.looseObject({
	resourceType: z.literal('Bundle'),
	entry: z.optional(z.array(z.looseObject({ resource: z.looseObject({ resourceType: z.string(), id: z.optional(z.unknown()) }) })))
});

/** The codes of `system` in a concept list, in order. */
const codes = (concepts: (z.infer<typeof conceptSchema> | undefined)[], system: string): string[] =>
	concepts.flatMap((c) => c?.coding?.filter((x) => x.system === system).map((x) => x.code ?? '') ?? []);

const START = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):00([+-])(\d{2}):(\d{2})$/;

/** The episode an Observation written by toObservation holds, or the first episode field it cannot give. */
function fromObservation(o: ReadObservation): { ok: true; episode: Episode } | { ok: false; field: string } {
	const m = START.exec(o.effectivePeriod.start);
	if (!m) return { ok: false, field: 'effectivePeriod.start' };
	const values = o.component.map((c) => c.valueCodeableConcept);
	const ext = (url: string) => o.extension?.find((x) => x.url === url);
	const side = o.component.find((c) => c.code.coding?.some((x) => x.code === CODES.laterality.code))?.valueCodeableConcept?.coding?.[0]
		?.code;
	const parsed = episodeSchema.safeParse({
		version: ext(OWN_SYSTEMS.version)?.valueInteger ?? EPISODE_VERSION,
		id: o.id,
		day: m[1],
		time: m[2],
		offsetMinutes: (m[3] === '-' ? -1 : 1) * (Number(m[4]) * 60 + Number(m[5])),
		leg: (Object.keys(CODES.side) as (keyof typeof CODES.side)[]).find((k) => CODES.side[k].code === side),
		muscle: codes([o.bodySite], OWN_SYSTEMS.muscle)[0],
		durationMinutes: o.component.find((c) => c.valueQuantity?.code === 'min')?.valueQuantity?.value,
		intensity: o.component.find((c) => c.code.coding?.some((x) => x.code === CODES.painScore.code))?.valueInteger,
		situation: codes(values, OWN_SYSTEMS.situation)[0],
		factors: codes(values, OWN_SYSTEMS.factor),
		signs: codes(values, OWN_SYSTEMS.sign),
		note: o.note?.[0]?.text ?? '',
		origin: ext(OWN_SYSTEMS.origin)?.valueCode,
		firstAidStartedAt: ext(OWN_SYSTEMS.firstAidStartedAt)?.valueString,
		firstAidOutcome: codes(values, OWN_SYSTEMS.firstAidOutcome)[0]
	});
	if (!parsed.success) return { ok: false, field: String(parsed.error.issues[0].path[0] ?? 'id') };
	return { ok: true, episode: parsed.data };
}

/** What is wrong with a file, for the page to put in words; `entry` counts the file's entries from 1. */
export type FhirProblem =
	| { kind: 'not-utf8' }
	| { kind: 'not-json' }
	| { kind: 'not-bundle' }
	| { kind: 'value'; entry: number; id: string; field: string }
	| { kind: 'twice'; entry: number; id: string };
export type FhirResult = { ok: true; episodes: Episode[] } | { ok: false; problem: FhirProblem };

/** Entries checked between two progress reports (the same line as the CSV's: the text parsed, then entries checked). */
const PROGRESS_EVERY = 2000;

/**
 * The episodes of a Bundle written by toFhirBundle (the Patient entry is skipped). All or
 * nothing: the first entry that cannot be read is named with its field, and nothing comes in.
 */
export function fromFhir(text: string, progress?: (p: CsvProgress) => void): FhirResult {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, problem: { kind: 'not-json' } };
	}
	progress?.({ step: 'reading', done: 1, total: 1 });
	const bundle = bundleSchema.safeParse(data);
	if (!bundle.success) return { ok: false, problem: { kind: 'not-bundle' } };
	const episodes: Episode[] = [];
	const seen = new Set<string>();
	const entries = bundle.data.entry ?? [];
	for (const [i, { resource }] of entries.entries()) {
		if (i % PROGRESS_EVERY === 0) progress?.({ step: 'checking', done: i, total: entries.length });
		if (resource.resourceType !== 'Observation') continue;
		const at = { entry: i + 1, id: typeof resource.id === 'string' ? resource.id : '' };
		const shaped = observationSchema.safeParse(resource);
		if (!shaped.success) return { ok: false, problem: { kind: 'value', ...at, field: shaped.error.issues[0].path.join('.') } };
		const read = fromObservation(shaped.data);
		if (!read.ok) return { ok: false, problem: { kind: 'value', ...at, field: read.field } };
		if (seen.has(read.episode.id)) return { ok: false, problem: { kind: 'twice', ...at } };
		seen.add(read.episode.id);
		episodes.push(read.episode);
	}
	return { ok: true, episodes };
}

/** A file's bytes: FHIR JSON is UTF-8 by definition, so anything else is refused, never read as garbled letters. */
export function fromFhirBytes(bytes: ArrayBuffer, progress?: (p: CsvProgress) => void): FhirResult {
	const text = decodeUtf8(bytes);
	return text === undefined ? { ok: false, problem: { kind: 'not-utf8' } } : fromFhir(text, progress);
}
