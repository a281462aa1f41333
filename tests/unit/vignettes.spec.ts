// The public triage benchmark's data (bench/vignettes.json) and its scoring. The data must
// be well-formed on every branch, even where the engine does not know an id yet: a gold
// level, a page that says it, the case in both languages, an input shaped like the API's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LEVELS, score } from '../../bench/vignettes-score.mjs';
import { URGENCY_LEVELS } from '../../src/lib/core/content/schema';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Only pages the benchmark may rest on: the NHS (and NHS trusts) and NICE CKS.
const page = z.url().refine((u) => /^https:\/\/([a-z0-9-]+\.)*(nhs\.uk|cks\.nice\.org\.uk)\//.test(u), 'an NHS or NICE CKS page');
const vignetteSchema = z.strictObject({
	id: z.string().regex(ID),
	gold: z.enum(URGENCY_LEVELS),
	source: page,
	text: z.strictObject({ en: z.string().min(10), ru: z.string().regex(/\p{Script=Cyrillic}/u, 'Russian text') }),
	input: z.strictObject({
		episode: z.strictObject({
			durationMinutes: z.number().positive().nullable(),
			perWeek: z.number().int().min(0).nullable(),
			situation: z.string().regex(ID)
		}),
		factors: z.array(z.string().regex(ID)),
		signs: z.array(z.string().regex(ID)),
		ageGroup: z.enum(['child', 'adult', 'older']).optional()
	})
});
const fileSchema = z.strictObject({
	about: z.string().min(1),
	pages: z.record(page, z.strictObject({ title: z.string().min(1), says: z.string().min(1) })),
	vignettes: z.array(vignetteSchema).min(100)
});

const data = fileSchema.parse(JSON.parse(readFileSync('bench/vignettes.json', 'utf8')));

describe('the vignette file', () => {
	it('has 100+ vignettes with unique ids, a gold level and a page that says it', () => {
		const ids = data.vignettes.map((v) => v.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const v of data.vignettes) expect(Object.keys(data.pages), v.id).toContain(v.source);
	});

	it('covers every level, and every page it lists is cited by some vignette', () => {
		expect(new Set(data.vignettes.map((v) => v.gold))).toEqual(new Set(URGENCY_LEVELS));
		expect(new Set(data.vignettes.map((v) => v.source))).toEqual(new Set(Object.keys(data.pages)));
	});

	it('asks about every input issue 17 adds, so the new rules are scored once they exist', () => {
		const used = new Set(data.vignettes.flatMap((v) => [...v.input.signs, ...v.input.factors, v.input.ageGroup ?? 'adult']));
		const issue17 = [
			...['heatstroke-signs', 'heat-exhaustion-signs', 'confused-after-drinking-lots', 'pain-out-of-proportion'],
			...['saddle-numbness-or-bladder-change', 'stroke-signs', 'fever-spreading-redness', 'tingling-mouth-or-hand-spasm'],
			...['hot-environment', 'endurance-event', 'recent-birth', 'hormone-medicine', 'cancer', 'blood-thinners'],
			...['kidney-disease', 'diabetes', 'alcohol-dependence', 'neck-surgery', 'liver-disease', 'older']
		];
		expect(issue17.filter((id) => !used.has(id))).toEqual([]);
	});

	it('scores on the same levels as the engine', () => {
		expect(LEVELS).toEqual([...URGENCY_LEVELS]);
	});
});

describe('scoring as symptom-checker studies do', () => {
	const r = (gold: string, answer: string) => ({ id: `${gold}-${answer}`, lang: 'en', gold, answer });

	it('counts exact, safe (at most one level less), under- and over-triage', () => {
		const s = score([r('urgent', 'urgent'), r('urgent', 'emergency'), r('urgent', 'see-doctor'), r('emergency', 'see-doctor')]);
		expect(s).toMatchObject({ n: 4, exact: 25, safe: 75, under: 50, over: 25 });
		expect(s.misses.map((m) => [m.id, m.delta])).toEqual([
			['urgent-emergency', 1],
			['urgent-see-doctor', -1],
			['emergency-see-doctor', -2]
		]);
	});

	it('refuses a level it does not know instead of scoring it', () => {
		expect(() => score([r('urgent', 'later')])).toThrow(/unknown level/);
	});
});
