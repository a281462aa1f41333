import { describe, expect, it } from 'vitest';
import { FACTORS, SIGNS } from '../content/schema';
import { assessmentFromForm } from './form';

const form = (entries: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
};

describe('the self-check form', () => {
	const cases: { name: string; entries: [string, string][]; errors?: string[]; episode?: object; factors?: string[] }[] = [
		{
			name: 'a full answer',
			entries: [
				['situation', 'night'],
				['durationMinutes', '15'],
				['perWeek', '3'],
				['factors', 'alcohol'],
				['factors', 'smoking'],
				['signs', 'numbness']
			],
			episode: { durationMinutes: 15, perWeek: 3, situation: 'night' },
			factors: ['alcohol', 'smoking']
		},
		{
			name: '"not sure" becomes null',
			entries: [
				['situation', 'sport'],
				['durationMinutes', 'unsure'],
				['perWeek', 'unsure']
			],
			episode: { durationMinutes: null, perWeek: null, situation: 'sport' }
		},
		{ name: 'nothing chosen names the three questions', entries: [], errors: ['situation', 'durationMinutes', 'perWeek'] },
		{
			name: 'a forged value',
			entries: [
				['situation', 'night'],
				['durationMinutes', '99999'],
				['perWeek', 'lots']
			],
			errors: ['durationMinutes', 'perWeek']
		},
		{
			name: 'a forged factor',
			entries: [
				['situation', 'night'],
				['durationMinutes', '1'],
				['perWeek', '0'],
				['factors', '<script>']
			],
			errors: ['factors']
		}
	];
	for (const c of cases) {
		it(c.name, () => {
			const r = assessmentFromForm(form(c.entries), 'ru');
			expect(r.errors).toEqual(c.errors ?? []);
			if (c.episode) expect(r.parsed.data?.episode).toEqual(c.episode);
			if (c.factors) expect(r.parsed.data?.factors).toEqual(c.factors);
			if (r.parsed.success) expect(r.parsed.data.lang).toBe('ru');
		});
	}

	it('accepts every sign and factor the engine knows, the new ones included, as the API does', () => {
		const r = assessmentFromForm(
			form([
				['situation', 'sport'],
				['ageGroup', 'older'],
				['durationMinutes', '5'],
				['perWeek', '1'],
				...FACTORS.map((f): [string, string] => ['factors', f]),
				...SIGNS.map((s): [string, string] => ['signs', s])
			]),
			'en'
		);
		expect(r.errors).toEqual([]);
		expect(r.parsed.data?.signs).toEqual(
			expect.arrayContaining(['heatstroke-signs', 'pain-out-of-proportion', 'tingling-mouth-or-hand-spasm'])
		);
		expect(r.parsed.data?.factors).toEqual(expect.arrayContaining(['hot-environment', 'kidney-disease', 'liver-disease']));
	});
});
