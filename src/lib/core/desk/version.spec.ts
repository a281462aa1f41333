import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { parseLibrary, type Library } from '../content/library';
import { LANGS } from '../content/schema';
import { CLINICAL_MESSAGE_KEYS, documentVersion, flatten, guideVersion, ruleSetVersion } from './version';

const parsed = parseLibrary(readContentFiles(process.cwd()));
if (!parsed.ok) throw new Error('content is invalid');
const lib: Library = parsed.value;
const clone = (): Library => structuredClone(lib);
const shown = (l: Library, slug: string) => new Set(l.guides.find((g) => g.slug === slug)!.sections.flatMap((s) => s.exercises ?? []));

describe('guideVersion', () => {
	const guide = lib.guides[0];

	it('is stable for the same content', () => {
		expect(guideVersion(lib, guide, 'en')).toEqual(guideVersion(clone(), structuredClone(guide), 'en'));
		expect(guideVersion(lib, guide, 'en').hash).toMatch(/^[0-9a-f]{64}$/);
	});

	it('differs by language', () => {
		expect(guideVersion(lib, guide, 'en').hash).not.toBe(guideVersion(lib, guide, 'ru').hash);
	});

	it('changes for every guide that shows a changed exercise, and only for those', () => {
		const id = [...shown(lib, guide.slug)][0];
		expect(id).toBeDefined();
		const edited = clone();
		edited.exercises.get(id)!.title.en += ' (revised)';
		for (const g of lib.guides) {
			const changed = guideVersion(
				edited,
				edited.guides.find((x) => x.slug === g.slug)!,
				'en'
			);
			expect(changed.hash !== guideVersion(lib, g, 'en').hash, g.slug).toBe(shown(lib, g.slug).has(id));
			// The Russian page does not show the English title.
			expect(
				guideVersion(
					edited,
					edited.guides.find((x) => x.slug === g.slug)!,
					'ru'
				).hash
			).toBe(guideVersion(lib, g, 'ru').hash);
		}
	});

	it('changes when a care card, cause, measure or source the guide shows changes', () => {
		const section = guide.sections.find((s) => s.care?.length)!;
		const edited = clone();
		edited.care.get(section.care![0])!.action.en += ' Call now.';
		expect(guideVersion(edited, edited.guides[0], 'en').hash).not.toBe(guideVersion(lib, guide, 'en').hash);
		const sourced = clone();
		sourced.sources.get(guide.sources[0])!.title += '!';
		expect(guideVersion(sourced, sourced.guides[0], 'en').hash).not.toBe(guideVersion(lib, guide, 'en').hash);
	});

	it('does not change when an item no guide shows is added or changed', () => {
		const edited = clone();
		const [someId, some] = [...edited.exercises.entries()][0];
		edited.exercises.set(`${someId}-unused`, { ...some, id: `${someId}-unused` });
		for (const g of lib.guides)
			expect(
				guideVersion(
					edited,
					edited.guides.find((x) => x.slug === g.slug)!,
					'en'
				).hash
			).toBe(guideVersion(lib, g, 'en').hash);
	});

	it('keeps the text readable, one field a line', () => {
		expect(guideVersion(lib, guide, 'en').text).toContain(`title: ${guide.title.en}\n`);
	});
});

describe('ruleSetVersion and documentVersion', () => {
	it('changes when a rule changes', () => {
		const edited = clone();
		const [id, rule] = [...edited.rules.entries()][0];
		edited.rules.set(id, { ...rule, id: `${id}-x` });
		expect(ruleSetVersion(edited).hash).not.toBe(ruleSetVersion(lib).hash);
		expect(ruleSetVersion(clone()).hash).toBe(ruleSetVersion(lib).hash);
	});

	it('hashes a document as written', () => {
		expect(documentVersion('# Hazard log\n').hash).not.toBe(documentVersion('# Hazard log\n\n').hash);
	});

	it('flattens nested values with sorted keys', () => {
		expect(flatten({ b: [1, { c: 'x' }], a: null })).toEqual(['a: null', 'b[0]: 1', 'b[1].c: x']);
	});
});

describe('[H-39.1] the rule-set version covers every input to an answer', () => {
	// the catalogs as the server bundles them (src/lib/server/messages.ts)
	const catalogs = Object.fromEntries(
		LANGS.map((lang) => [
			lang,
			Object.assign({}, ...readdirSync(`messages/${lang}`).map((f) => JSON.parse(readFileSync(`messages/${lang}/${f}`, 'utf8')))) as Record<
				string,
				string
			>
		])
	);
	const base = ruleSetVersion(lib, catalogs).hash;
	const LISTS = [
		'rules',
		'signs',
		'factors',
		'situations',
		'ages',
		'notes',
		'care',
		'phrases',
		'exercises',
		'measures',
		'sequences',
		'causes',
		'sources'
	] as const;

	/** Every leaf (a string, number or boolean) under `value`, as its parent and key, so it can be changed in place and put back. */
	function* leaves(value: unknown, path: string): Generator<{ parent: Record<PropertyKey, unknown>; key: PropertyKey; path: string }> {
		if (value === null || typeof value !== 'object') return;
		for (const [key, child] of Object.entries(value))
			if (child !== null && typeof child === 'object') yield* leaves(child, `${path}.${key}`);
			else if (child !== undefined)
				yield { parent: value as Record<PropertyKey, unknown>, key: Array.isArray(value) ? Number(key) : key, path: `${path}.${key}` };
	}
	const changed = (v: unknown) => (typeof v === 'string' ? `${v}!` : typeof v === 'number' ? v + 1 : !v);

	it('does not change when nothing changes', () => {
		expect(ruleSetVersion(structuredClone(lib), structuredClone(catalogs)).hash).toBe(base);
	});

	it('changes when any leaf of rules, signs, factors, situations, age groups, notes, cards, phrases, exercises, measures, sequences, causes or sources changes', () => {
		const edited = structuredClone(lib);
		const missed: string[] = [];
		const shapes = new Set<string>();
		let walked = 0;
		for (const list of LISTS)
			for (const [id, entry] of edited[list])
				for (const { parent, key, path } of leaves(entry, `${list}:${id}`)) {
					walked++;
					// every leaf's "path: value" line is in the signed text...
					// ...and one leaf of each shape (exercises.*.avoidWith[].for[], …) is changed for real: hashing all takes minutes
					const shape = `${list}:${path
						.split('.')
						.slice(1)
						.map((p) => (/^\d+$/.test(p) ? '[]' : p))
						.join('.')}`;
					if (shapes.has(shape)) continue;
					shapes.add(shape);
					const before = parent[key];
					parent[key] = changed(before);
					if (ruleSetVersion(edited, catalogs).hash === base) missed.push(path);
					parent[key] = before;
				}
		expect(missed).toEqual([]);
		expect(walked).toBeGreaterThan(1000);
		// avoidWith, medicine, kinds, fallback and forbids are among the shapes changed
		for (const shape of [
			'exercises:avoidWith.[].for.[]',
			'measures:medicine',
			'measures:kinds.[]',
			'exercises:fallback',
			'care:forbids.[]',
			'sequences:exercises.[]'
		])
			expect([...shapes], shape).toContain(shape);
		expect(ruleSetVersion(edited, catalogs).hash).toBe(base);
	});

	it('holds every leaf of those lists as a line of the signed text', () => {
		const text = ruleSetVersion(lib, catalogs).text;
		const lines = new Set(text.split('\n'));
		for (const list of LISTS)
			for (const [id, entry] of lib[list]) {
				const expected = flatten(entry, `${list}.${id}`);
				for (const line of expected) expect(lines.has(line.split('\n')[0]), line.slice(0, 80)).toBe(true);
			}
	});

	it('changes with every clinical message (urgency labels, "if it gets worse"), and not with the others', () => {
		const isClinical = (key: string) => CLINICAL_MESSAGE_KEYS.some((k) => k.test(key));
		for (const lang of LANGS) {
			const keys = Object.keys(catalogs[lang]);
			// every clinical message, and every twentieth of the others
			for (const key of keys.filter((key, i) => isClinical(key) || i % 20 === 0)) {
				const before = catalogs[lang][key];
				catalogs[lang][key] = `${before}!`;
				expect(ruleSetVersion(lib, catalogs).hash !== base, `${lang}: ${key}`).toBe(isClinical(key));
				catalogs[lang][key] = before;
			}
		}
		expect(Object.keys(catalogs.en).filter((key) => CLINICAL_MESSAGE_KEYS.some((k) => k.test(key)))).toEqual(
			expect.arrayContaining(['care.prefix.emergency', 'care.prefix.urgent', 'check.result.ifWorse'])
		);
	});
});
