import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { fitExercises } from '../assessment/engine';
import { parseLibrary } from '../content/library';
import { AGE_GROUPS, FACTORS, LANGS, SIGNS } from '../content/schema';
import { fitFor, readAgeGroup, readerFacts } from './reader';
import { firstAidView } from './view';

const parsed = parseLibrary(readContentFiles(process.cwd()));
if (!parsed.ok) throw new Error('content is invalid; see library.spec.ts');
const lib = parsed.value;
const views = Object.fromEntries(LANGS.map((lang) => [lang, firstAidView(lib, lang, (md) => md)]));

/** Any reader: any factors and signs, at most one age group (the whole space first aid can be told). */
const reader = fc
	.tuple(fc.subarray([...FACTORS]), fc.subarray([...SIGNS]), fc.option(fc.constantFrom(...AGE_GROUPS), { nil: undefined }))
	.map(([factors, signs, age]) => new Set<string>([...factors, ...signs, ...(age ? [age] : [])]));
const avoids = (id: string, facts: ReadonlySet<string>) => lib.exercises.get(id)!.avoidWith.some((a) => a.for.some((f) => facts.has(f)));

describe('first aid fits the reader', () => {
	it('[H-43.4] offers no exercise the reader should avoid, in any place, for any reader, in both languages', () => {
		fc.assert(
			fc.property(reader, fc.constantFrom(...LANGS), (facts, lang) => {
				const view = views[lang];
				for (const sequence of view.sequences) {
					const fit = fitFor(view, sequence, facts);
					for (const e of fit.exercises) expect(avoids(e.id, facts), `${sequence.id}: ${e.id}`).toBe(false);
					// the same moves the self-check's engine would offer this reader
					const ids = lib.sequences.get(sequence.id)!.exercises;
					expect(fit.exercises.map((e) => e.id)).toEqual(fitExercises(lib, ids, facts, lang).fitting);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('[H-44.2] nothing on the floor for a reader of 65 or over; nothing flat on the back in pregnancy', () => {
		fc.assert(
			fc.property(reader, (facts) => {
				for (const sequence of views.en.sequences) {
					const positions = fitFor(views.en, sequence, facts).exercises.map((e) => e.position);
					if (facts.has('older')) expect(positions).not.toContain('floor');
					if (facts.has('pregnancy')) expect(positions).not.toContain('floor');
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('says what it swapped or left out, and why, in the reader’s language', () => {
		const floor = views.ru.sequences.find((s) => s.exercises.some((e) => e.position === 'floor'))!;
		const fit = fitFor(views.ru, floor, new Set(['pregnancy']));
		const swapped = floor.exercises.find((e) => e.position === 'floor')!;
		expect(fit.leftOut).toEqual([
			expect.objectContaining({ title: swapped.title, reason: expect.stringMatching(/[а-я]/), instead: expect.stringMatching(/[а-я]/) })
		]);
		// a reader none of whose facts matters gets the place as it is
		expect(fitFor(views.ru, floor, new Set(['alcohol']))).toEqual({ exercises: floor.exercises, leftOut: [] });
	});

	it('asks on its first screen about the factors its exercises depend on, with their labels', () => {
		expect(views.en.asks.map((a) => a.id).sort()).toEqual(views.en.adapts.filter((f) => lib.factors.has(f)).sort());
		for (const a of views.ru.asks) expect(a.label).toBe(lib.factors.get(a.id)!.label.ru);
		expect(views.en.asks.map((a) => a.id)).toEqual(expect.arrayContaining(['pregnancy', 'leg-injury']));
	});

	it('shows the self-check’s card for a fact on its own, and a call line with the numbers as links', () => {
		for (const [fact, cards] of Object.entries(views.en.factCards))
			for (const id of cards)
				expect([...lib.rules.values()].some((r) => r.care === id && r.when.factors?.some((f) => f === fact))).toBe(true);
		expect(views.en.call).toMatch(/\(tel:\d+\)/);
		expect(views.ru.call).toMatch(/\(tel:\d+\)/);
		// the running timer's one-tap numbers are the same links, for the page's language
		expect(views.en.callNumbers).toEqual(['999', '112', '911'].map((n) => ({ text: n, href: `tel:${n}` })));
		expect(views.ru.callNumbers).toEqual(['103', '112'].map((n) => ({ text: n, href: `tel:${n}` })));
	});
});

describe('what the device knows about the reader', () => {
	it('reads only the exact words as an age group', () => {
		for (const g of AGE_GROUPS) expect(readAgeGroup(g)).toBe(g);
		for (const w of [null, undefined, '', 'Older', 'older ', 'toString', '__proto__']) expect(readAgeGroup(w)).toBeUndefined();
	});

	it('the age group given last wins over the plan’s; the plan’s factors and what the reader said count, its signs do not', () => {
		const saved = { ageGroup: 'adult', factors: ['pregnancy'], signs: ['swelling'] };
		expect([...readerFacts(saved, 'older', ['leg-injury'])].sort()).toEqual(['leg-injury', 'older', 'pregnancy']);
		expect([...readerFacts(saved, undefined, [])].sort()).toEqual(['adult', 'pregnancy']);
		expect([...readerFacts(undefined, undefined, [])]).toEqual([]);
	});
});
