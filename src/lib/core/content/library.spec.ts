import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { formatContentErrors, mainGuide, parseLibrary, type ContentFile } from './library';

const files = readContentFiles(process.cwd());
const library = parseLibrary(files);

describe('the content in content/', () => {
	it('is valid', () => {
		expect(library.ok ? '' : formatContentErrors(library.error)).toBe('');
	});

	it('has at least six guides, the main (calf-cramp) guide first', () => {
		if (!library.ok) return expect.unreachable();
		expect(library.value.guides.length).toBeGreaterThanOrEqual(6);
		expect(library.value.guides[0].slug).toBe('calf-cramps');
		expect(mainGuide(library.value)).toBe('calf-cramps');
		expect(library.value.guides.filter((g) => g.main).map((g) => g.slug)).toEqual(['calf-cramps']);
	});

	it('gives guided first aid the four places of the issue, each running only dosed, recommended land exercises', () => {
		if (!library.ok) return expect.unreachable();
		const { sequences, exercises } = library.value;
		expect([...sequences.keys()]).toEqual(['bed', 'standing', 'floor', 'after-sport']);
		for (const s of sequences.values()) {
			for (const id of s.exercises) {
				const e = exercises.get(id);
				expect(e?.status, id).toBe('recommended');
				expect(e?.dose?.seconds ?? e?.dose?.counts, id).toBeDefined();
				expect(id).not.toMatch(/^(pin-prick|water-release)$/);
			}
		}
	});
});

/** The valid library with one file replaced (or added), to see what the checker says. */
function withFile(path: string, edit: (text: string) => string): ContentFile[] {
	const found = files.some((f) => f.path === path);
	const next = files.map((f) => (f.path === path ? { path, text: edit(f.text) } : f));
	return found ? next : [...next, { path, text: edit('') }];
}

const broken: { name: string; files: ContentFile[]; file: string; field: RegExp }[] = [
	{
		name: 'a guide without its Russian title',
		files: withFile('content/guides/calf-cramps.yaml', (t) => t.replace(/^title:\n(\s+en:.*\n)\s+ru:.*\n/m, 'title:\n$1')),
		file: 'content/guides/calf-cramps.yaml',
		field: /^title\.ru$/
	},
	{
		name: 'a recommended exercise without a dose',
		files: withFile('content/exercises/extra.yaml', () =>
			['- id: extra-stretch', '  title: { en: Stretch, ru: Растяжка }', '  status: recommended', '  kinds: [stretch]', '  position: bed', '  steps:', '    - { en: Stretch, ru: Тянуть }', '  sources: [nhs-leg-cramps]'].join('\n')
		),
		file: 'content/exercises/extra.yaml',
		field: /^\[0\]\.dose$/
	},
	{
		name: 'a not-recommended item without its reason',
		files: withFile('content/exercises/extra.yaml', () =>
			['- id: extra-bad', '  title: { en: Bad, ru: Плохо }', '  status: not-recommended', '  kinds: []', '  sources: [nhs-leg-cramps]'].join('\n')
		),
		file: 'content/exercises/extra.yaml',
		field: /^\[0\]\.reason$/
	},
	{
		name: 'a link to an unknown exercise',
		files: withFile('content/guides/calf-cramps.yaml', (t) => t.replace('- towel-stretch', '- no-such-stretch')),
		file: 'content/guides/calf-cramps.yaml',
		field: /^sections\[\d+\]\.exercises\[\d+\]$/
	},
	{
		name: 'a first-aid sequence naming an unknown exercise',
		files: withFile('content/sequences/first-aid.yaml', (t) => t.replace('[toe-pull-stretch, pinch-massage]', '[toe-pull-strech, pinch-massage]')),
		file: 'content/sequences/first-aid.yaml',
		field: /^bed\.exercises\[0\]$/
	},
	{
		name: 'a first-aid sequence that would time the pin prick',
		files: withFile('content/sequences/first-aid.yaml', (t) => t.replace('[wall-stretch, thumb-pressure]', '[wall-stretch, pin-prick]')),
		file: 'content/sequences/first-aid.yaml',
		field: /^standing\.exercises\[1\]$/
	},
	{
		name: 'a first-aid sequence that would time the water technique',
		files: withFile('content/sequences/first-aid.yaml', (t) => t.replace('[foot-rotations, pinch-massage]', '[water-release]')),
		file: 'content/sequences/first-aid.yaml',
		field: /^floor\.exercises\[0\]$/
	},
	{
		name: 'a slug that differs from the file name',
		files: withFile('content/guides/calf-cramps.yaml', (t) => t.replace(/^slug: calf-cramps$/m, 'slug: calf')),
		file: 'content/guides/calf-cramps.yaml',
		field: /^slug$/
	},
	{
		name: 'broken YAML',
		files: withFile('content/care/extra.yaml', () => '- id: [unclosed'),
		file: 'content/care/extra.yaml',
		field: /^\(yaml\)$/
	},
	{
		name: 'the same id in two files',
		files: withFile('content/sources/extra.yaml', () =>
			['- id: nhs-leg-cramps', '  title: Again', '  titleRu: Снова', '  publisher: NHS', '  citedFor: { en: Again, ru: Снова }'].join('\n')
		),
		file: 'content/sources/extra.yaml',
		field: /^\[0\]\.id$/
	},
	{
		name: 'a factor pointing to an unknown cause',
		files: withFile('content/factors/calf.yaml', (t) => t.replace('cause: alcohol', 'cause: booze')),
		file: 'content/factors/calf.yaml',
		field: /^alcohol\.causes\[0\]$/
	},
	{
		name: 'a situation suggesting the pin prick',
		files: withFile('content/situations/calf.yaml', (t) => t.replace('firstAid: [water-release,', 'firstAid: [pin-prick,')),
		file: 'content/situations/calf.yaml',
		field: /^swimming\.firstAid\[0\]$/
	},
	{
		name: 'a rule naming an unknown care card',
		files: withFile('content/rules/calf.yaml', (t) => t.replace('care: urgent-dvt', 'care: urgent-clot')),
		file: 'content/rules/calf.yaml',
		field: /^clot-signs\.care\[0\]$/
	},
	{
		name: 'a rule citing an unknown source',
		files: withFile('content/rules/calf.yaml', (t) => t.replace('sources: [nhs-pulmonary-embolism, nhs-dvt]', 'sources: [nhs-blood, nhs-dvt]')),
		file: 'content/rules/calf.yaml',
		field: /^chest-signs\.sources\[0\]$/
	},
	{
		name: 'a rule on a sign the self-check does not ask about',
		files: withFile('content/rules/calf.yaml', (t) => t.replace('signs: [chest-pain, breathlessness, coughing-blood, fainting]', 'signs: [chest-pain, headache]')),
		file: 'content/rules/calf.yaml',
		field: /^\[0\]\.when\.signs\[1\]$/
	},
	{
		name: '[H-51.3] a note that adds a measure not marked for everyone',
		files: withFile('content/notes/calf.yaml', (t) =>
			t.replace('measures: [regular-stretching, bedding-and-sleep-position, mineral-rich-food]', 'measures: [regular-stretching, arch-support-insoles]')
		),
		file: 'content/notes/calf.yaml',
		field: /^general-prevention\.measures\[1\]$/
	},
	{
		name: '[H-09.2] an unknown phrase id',
		files: withFile('content/care/calf.yaml', (t) => t.replace('{{phrase:clot-signs-list}}', '{{phrase:clot-sings}}')),
		file: 'content/care/calf.yaml',
		field: /^\[\d+\]\.when\.en$/
	},
	{
		name: '[H-08.2] an emergency number written outside content/phrases',
		files: withFile('content/care/calf.yaml', (t) => t.replace('Call {{phrase:emergency-numbers}} now.', 'Call 999 now.')),
		file: 'content/care/calf.yaml',
		field: /^\[0\]\.now\.en$/
	},
	{
		name: '[H-04.2] an avoidWith naming an unknown factor',
		files: withFile('content/exercises/calf.yaml', (t) => t.replace('- for: [leg-injury]', '- for: [leg-injruy]')),
		file: 'content/exercises/calf.yaml',
		field: /\.avoidWith\[0\]\.for\[0\]$/
	},
	{
		name: '[H-04.3] an avoidWith offering a variant that is itself not for that reader',
		files: withFile('content/exercises/calf.yaml', (t) => t.replace(/instead: seated-towel-stretch/, 'instead: foot-rotations')),
		file: 'content/exercises/calf.yaml',
		field: /^towel-stretch\.avoidWith\[1\]\.instead$/
	},
	{
		name: '[H-05.2] a medicine named as a plan measure',
		files: withFile('content/factors/calf.yaml', (t) => t.replace('measures: [healthy-weight]', 'measures: [prescribed-anticonvulsants]')),
		file: 'content/factors/calf.yaml',
		field: /^overweight\.measures\[0\]$/
	},
	{
		name: '[H-10.1] a rule with neither a source nor a precaution label',
		files: withFile('content/rules/calf.yaml', (t) => t.replace('  sources: [nhs-tetanus]\n', '')),
		file: 'content/rules/calf.yaml',
		field: /\.sources$/
	},
	{
		name: 'a factor the API accepts but content does not describe',
		files: withFile('content/factors/calf.yaml', (t) => t.replace(/^- id: smoking\n(?: {2}.*\n)+/m, '')),
		file: 'content/factors',
		field: /^\(file\)$/
	},
	{
		name: 'no main guide',
		files: withFile('content/guides/calf-cramps.yaml', (t) => t.replace(/^main: true\n/m, '')),
		file: 'content/guides',
		field: /^main$/
	},
	{
		name: 'two main guides',
		files: withFile('content/guides/night-leg-cramps.yaml', (t) => t.replace(/^slug: night-leg-cramps\n/m, '$&main: true\n')),
		file: 'content/guides',
		field: /^main$/
	}
];

describe('an invalid content file fails naming the file and the field', () => {
	for (const c of broken) {
		it(c.name, () => {
			const result = parseLibrary(c.files);
			if (result.ok) return expect.unreachable('the broken content was accepted');
			expect(result.error).toContainEqual(expect.objectContaining({ file: c.file, field: expect.stringMatching(c.field) }));
		});
	}
});
