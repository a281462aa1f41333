import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { formatContentErrors, parseLibrary, type ContentFile } from '../content/library';
import { URGENCY_LEVELS } from '../content/schema';
import { firstAidView } from './view';

const files = readContentFiles(process.cwd());
const library = parseLibrary(files);
if (!library.ok) throw new Error('content is invalid; see library.spec.ts');
const lib = library.value;

describe('firstAidView', () => {
	for (const lang of ['en', 'ru'] as const) {
		const view = firstAidView(lib, lang, (md) => `<md>${md}</md>`);

		// Structure, not wording: cards with a sign come and go with the triage content.
		it(`[H-21.2] ${lang}: checks every card that has a sign, each once, with its card`, () => {
			const withSign = [...lib.care.values()].filter((c) => c.sign).map((c) => c.id);
			expect(view.checks.map((c) => c.card.id).sort()).toEqual(withSign.sort());
			for (const c of view.checks) expect(c.sign).toBe(lib.care.get(c.card.id)?.sign?.[lang]);
		});

		it(`${lang}: asks about a lung clot, a cold limb, heat illness, low blood salt, compartment syndrome, cauda equina, a stroke, a DVT, a tear and low calcium, most urgent first`, () => {
			expect(view.checks.map((c) => [c.card.level, c.card.id])).toEqual([
				['emergency', 'emergency-chest'],
				['emergency', 'emergency-limb'],
				['emergency', 'emergency-heatstroke'],
				['emergency', 'emergency-hyponatraemia'],
				['emergency', 'emergency-compartment'],
				['emergency', 'emergency-cauda-equina'],
				['emergency', 'emergency-stroke'],
				['urgent', 'urgent-dvt'],
				['urgent', 'urgent-tear'],
				['urgent', 'urgent-heat-exhaustion'],
				['urgent', 'urgent-low-calcium']
			]);
			for (const c of view.checks) expect(c.sign).toBe(lib.care.get(c.card.id)?.sign?.[lang]);
		});

		it(`${lang}: orders the checks by urgency, emergency first`, () => {
			const ranks = view.checks.map((c) => URGENCY_LEVELS.indexOf(c.card.level));
			expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
			expect(view.checks[0].card.level).toBe('emergency');
		});

		it(`[H-22.1] ${lang}: in bed, the hands-free toe pull comes first, in the language, with its dose`, () => {
			const bed = view.sequences.find((s) => s.id === 'bed');
			expect(bed?.exercises.map((e) => e.id)).toEqual(['toe-pull-stretch', 'pinch-massage']);
			expect(bed?.exercises[0].title).toBe(lib.exercises.get('toe-pull-stretch')?.title[lang]);
			expect(bed?.exercises[0].dose?.seconds).toEqual({ min: 60, max: 60 });
		});

		it(`${lang}: every place names its fallback cards and its time limit from content, each card rendered`, () => {
			for (const s of view.sequences) {
				const content = lib.sequences.get(s.id)!;
				expect(s.afterCare).toEqual(content.afterCare);
				const rule = lib.rules.get(content.timeLimit)!;
				expect(s.timeLimit).toEqual({ ms: rule.when.durationMinutesAbove! * 60_000, card: rule.care });
				for (const id of [...s.afterCare, s.timeLimit.card]) expect(view.cards[id].when).toMatch(/^<md>/);
			}
		});
	}

	it('the 10-minute rule ends the session with the long-cramp card', () => {
		const view = firstAidView(lib, 'en', (md) => md);
		for (const s of view.sequences) expect(s.timeLimit).toEqual({ ms: 10 * 60_000, card: 'urgent-long-cramp' });
	});
});

describe('the sequences file is checked', () => {
	const edited = (edit: (text: string) => string): ContentFile[] =>
		files.map((f) => (f.path === 'content/sequences/first-aid.yaml' ? { ...f, text: edit(f.text) } : f));
	const errors = (next: ContentFile[]) => {
		const result = parseLibrary(next);
		return result.ok ? '' : formatContentErrors(result.error);
	};
	it('an unknown fallback card', () => {
		expect(errors(edited((t) => t.replace('afterCare: [urgent-dvt,', 'afterCare: [urgent-dtv,')))).toMatch(
			/first-aid\.yaml: bed\.afterCare\[0\]: unknown care id "urgent-dtv"/
		);
	});
	it('a time limit that names no rule with a duration', () => {
		expect(errors(edited((t) => t.replace('timeLimit: long-cramp', 'timeLimit: long-cramps')))).toMatch(
			/first-aid\.yaml: bed\.timeLimit: "long-cramps" is not a rule with a duration/
		);
	});
	it('a place without fallback cards', () => {
		expect(errors(edited((t) => t.replace(/^ {2}afterCare: .*\n/m, '')))).toMatch(/first-aid\.yaml: \[0\]\.afterCare/);
	});
});
