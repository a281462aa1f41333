import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { parseLibrary, type Library } from '../content/library';
import { documentVersion, flatten, guideVersion, ruleSetVersion } from './version';

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
