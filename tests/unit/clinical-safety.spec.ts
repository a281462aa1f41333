// The hazard log (docs/clinical-safety.md) names, for every hazard, its controls (content
// ids) and the tests that prove them. This test keeps the log honest: a control removed
// from content/ or a test renamed away makes it fail.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLibrary, type Library } from '../../src/lib/core/content/library';
import { LANGS } from '../../src/lib/core/content/lang';
import { readContentFiles } from '../../src/lib/server/content-files';

const root = process.cwd();
const parsed = parseLibrary(readContentFiles(root));
if (!parsed.ok) throw new Error('content is invalid; see library.spec.ts');
const lib = parsed.value;

const log = readFileSync(join(root, 'docs/clinical-safety.md'), 'utf8');
const rows = log
	.split('\n')
	.filter((line) => /^\| H-\d\d /.test(line))
	.map((line) => {
		const cells = line.split('|').map((c) => c.trim());
		return { id: cells[1], controls: cells[5], tests: cells[6] };
	});

const KINDS: Record<string, keyof Library> = {
	rule: 'rules',
	care: 'care',
	note: 'notes',
	phrase: 'phrases',
	sign: 'signs',
	factor: 'factors',
	exercise: 'exercises',
	measure: 'measures'
};

/** Every test file's text: unit specs under src/ and tests/unit, browser tests under tests/e2e. */
const testSources = ['src', 'tests/unit', 'tests/e2e']
	.flatMap((dir) =>
		readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
			.filter((f) => /\.(spec|e2e)\.ts$/.test(f))
			.map((f) => join(root, dir, f))
	)
	.map((f) => readFileSync(f, 'utf8'))
	.join('\n');

describe('the hazard log', () => {
	it('lists hazards, each with controls and tests', () => {
		expect(rows.length).toBeGreaterThanOrEqual(15);
		for (const row of rows) {
			expect(row.controls, row.id).not.toBe('');
			expect(row.tests.match(/\[H-\d\d\.\d+\]/g)?.length ?? 0, row.id).toBeGreaterThan(0);
		}
	});

	it.each(rows.map((r) => [r.id, r] as const))('%s: every named control exists in content/', (_, row) => {
		const named = [...row.controls.matchAll(/`(\w+):([a-z0-9-./]+)`/g)].map((m) => [m[1], m[2]] as const);
		expect(named.length).toBeGreaterThan(0);
		for (const [kind, id] of named) {
			if (kind === 'file') {
				expect(existsSync(join(root, id)), `${row.id}: ${id}`).toBe(true);
				continue;
			}
			expect(KINDS[kind], `unknown control kind "${kind}" in ${row.id}`).toBeDefined();
			expect((lib[KINDS[kind]] as Map<string, unknown>).has(id), `${row.id}: ${kind}:${id}`).toBe(true);
		}
	});

	it.each(rows.map((r) => [r.id, r] as const))('%s: every named test exists (a test name starting with its id)', (_, row) => {
		for (const id of row.tests.match(/\[H-\d\d\.\d+\]/g)!) {
			const escaped = id.replace(/[[\].]/g, '\\$&');
			expect(new RegExp(`['"\`]${escaped}[^'"\`\\n]*['"\`]`).test(testSources), `${row.id}: no test named ${id}…`).toBe(true);
		}
	});
});

describe('content checks behind the hazards', () => {
	it('[H-08.1] every card that sends the reader to emergency services gives the numbers as tel: links, in both languages', () => {
		const numbers = { en: ['999', '112', '911'], ru: ['103', '112'] };
		for (const card of lib.care.values())
			for (const lang of ['en', 'ru'] as const) {
				const text = `${card.now[lang]} ${card.action[lang]}`;
				if (card.level === 'emergency' || /emergency services|скорую/i.test(text))
					for (const n of numbers[lang]) expect(text, `${card.id} (${lang})`).toContain(`(tel:${n})`);
			}
		expect(lib.phrases.get('emergency-numbers')!.text).toEqual({
			en: '[999](tel:999) in the UK, [112](tel:112) in the EU or [911](tel:911) in the US',
			ru: '[103](tel:103) или [112](tel:112)'
		});
	});

	it('[H-09.1] the clot signs, the swelling rule and "don\'t stretch or massage" are worded once and used by cards, rules and guides', () => {
		const files = readContentFiles(root).filter((f) => !f.path.startsWith('content/phrases/'));
		for (const id of ['clot-signs', 'swelling-rule', 'no-stretch-massage', 'lung-clot-signs']) {
			// the clot signs also come as a list (clot-signs-list) where they stand on their own
			const forms = id === 'clot-signs' ? [id, `${id}-list`] : [id];
			const users = files.filter((f) => forms.some((form) => f.text.includes(`{{phrase:${form}}}`))).map((f) => f.path.split('/')[1]);
			expect(new Set(users), id).toContain('care');
			expect(new Set(users), id).toContain('guides');
		}
		// the sentence and the list name the same signs
		const signs = {
			en: ['one calf', 'swelling', 'red or darker skin', 'warmth', 'between cramps', '10 minutes of stretching'],
			ru: ['одной икре', 'отёком', 'покраснением', 'потемнением', 'горячая', 'между судорогами', '10 минут растяжки']
		};
		for (const form of ['clot-signs', 'clot-signs-list'])
			for (const lang of LANGS)
				for (const sign of signs[lang]) expect(lib.phrases.get(form)!.text[lang], `${form} (${lang})`).toContain(sign);
		// the DVT card's first-aid sign says how long to stretch before it counts
		expect(lib.care.get('urgent-dvt')!.sign!.en).toContain('does not ease after 10 minutes of stretching');
	});

	it('[H-10.3] "don\'t stretch or massage" is labelled as our own precaution wherever a reader sees it', () => {
		const label = { en: 'our own precaution', ru: 'наша собственная мера предосторожности' };
		for (const lang of ['en', 'ru'] as const) {
			expect(lib.phrases.get('no-stretch-massage')!.text[lang]).toContain(label[lang]);
			for (const id of ['emergency-chest', 'urgent-dvt', 'urgent-tear'])
				expect(lib.care.get(id)!.action[lang], `${id} (${lang})`).toContain(label[lang]);
			expect(lib.rules.get('clot-signs')!.ifWorse!.text[lang]).toContain(label[lang]);
			expect(lib.notes.get('first-aid-withheld-clot')!.text[lang]).toContain(label[lang]);
			expect(lib.measures.get('professional-massage')!.body[lang]).toContain(label[lang]);
		}
		// the DVT page names the clot signs but not this: the measure does not cite it for it
		expect(lib.measures.get('professional-massage')!.sources).not.toContain('nhs-dvt');
	});

	it("[H-05.4] quinine has its own paragraph: the MHRA's conditions, and never in pregnancy or for children", () => {
		const quinine = lib.measures.get('prescribed-anticonvulsants')!;
		expect(quinine.sources).toContain('mhra-quinine-2010');
		expect(quinine.body.en).toMatch(/\n\nQuinine [^\n]*MHRA[^\n]*never for pregnancy or for children/);
		expect(quinine.body.ru).toMatch(/\n\nХинин [^\n]*MHRA[^\n]*никогда не дают при беременности и детям/);
	});
});
