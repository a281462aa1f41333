import { describe, expect, it } from 'vitest';
import type { Guide } from './schema';
import { relatedGuides } from './related';

const guide = (slug: string, tags: string[], text: string): Guide => ({
	slug,
	title: { en: slug, ru: slug },
	summary: { en: text, ru: text },
	tags,
	preparedBy: ['editorial-team'],
	updatedOn: '2026-01-01',
	sections: [{ id: 'a', heading: { en: 'A', ru: 'А' } }],
	sources: ['nhs-leg-cramps']
});

const guides = [
	guide('calf', ['calf', 'cramps', 'stretching'], 'calf cramp stretching at night'),
	guide('night', ['cramps', 'night', 'sleep'], 'night cramp in bed while sleeping'),
	guide('stretch', ['stretching', 'calf'], 'a daily calf stretching routine'),
	guide('shoes', ['footwear'], 'choosing shoes for flat feet'),
	guide('veins', ['veins'], 'varicose veins and swelling'),
	guide('water', ['swimming', 'cramps'], 'cramp while swimming in open water'),
	guide('unrelated', ['gardening'], 'tomato seedlings')
];

describe('relatedGuides', () => {
	it('ranks shared tags and shared words highest', () => {
		expect(relatedGuides(guides, 'calf').map((r) => r.slug)).toEqual(['stretch', 'night', 'water']);
	});
	it('never lists the guide itself and returns at most four', () => {
		for (const g of guides) {
			const related = relatedGuides(guides, g.slug);
			expect(related.length).toBeLessThanOrEqual(4);
			expect(related.map((r) => r.slug)).not.toContain(g.slug);
		}
	});
	it('leaves out guides that share nothing', () => {
		expect(relatedGuides(guides, 'unrelated')).toEqual([]);
	});
	it('returns nothing for an unknown slug', () => {
		expect(relatedGuides(guides, 'nope')).toEqual([]);
	});
});
