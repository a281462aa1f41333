import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { parseLibrary } from '../content/library';
import { firstAidView } from './view';

const library = parseLibrary(readContentFiles(process.cwd()));
if (!library.ok) throw new Error('content is invalid; see library.spec.ts');

describe('firstAidView', () => {
	for (const lang of ['en', 'ru'] as const) {
		const view = firstAidView(library.value, lang, (md) => `<md>${md}</md>`);

		it(`${lang}: checks the emergency sign first, then the urgent one, each with its card`, () => {
			expect(view.checks.map((c) => [c.card.level, c.card.id])).toEqual([
				['emergency', 'emergency-chest'],
				['emergency', 'emergency-limb'],
				['urgent', 'urgent-dvt'],
				['urgent', 'urgent-tear']
			]);
			for (const c of view.checks) expect(c.sign).toBe(library.value.care.get(c.card.id)?.sign?.[lang]);
		});

		it(`${lang}: gives each place its exercises in order, in the language, with doses`, () => {
			const bed = view.sequences.find((s) => s.id === 'bed');
			expect(bed?.exercises.map((e) => e.id)).toEqual(['towel-stretch', 'pinch-massage']);
			expect(bed?.exercises[0].title).toBe(library.value.exercises.get('towel-stretch')?.title[lang]);
			expect(bed?.exercises[0].dose?.seconds).toEqual({ min: 60, max: 60 });
		});

		it(`${lang}: falls back on the DVT and the long-cramp cards, rendered`, () => {
			expect(view.afterCare.map((c) => c.id)).toEqual(['urgent-dvt', 'urgent-long-cramp']);
			expect(view.afterCare[0].when).toMatch(/^<md>/);
		});
	}
});
