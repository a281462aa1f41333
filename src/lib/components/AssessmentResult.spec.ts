// The self-check's result in each state (examples in testing.ts): the answer comes first, an
// emergency shows only the emergency, withheld first aid says why instead of exercises.
import { describe, expect, it } from 'vitest';
import type { AssessmentPage } from '$lib/core/assessment/view';
import { t } from '$lib/i18n';
import { assessmentResultExamples, escaped, hasClass, html } from './testing';

describe('AssessmentResult', () => {
	it.each(assessmentResultExamples.map((e) => [e.name, e] as const))('%s', (_, example) => {
		const { lang } = example;
		const result = example.props.result as AssessmentPage;
		const unsure = example.props.unsureGroups as string[];
		const body = html(example);
		const top = result.cards[0];
		const emergency = result.urgency === 'emergency';
		expect(body).toMatch(new RegExp(`^<article class="assessment[ "][^>]*data-urgency="${result.urgency}"`));
		// The answer, with its level in words, is the first section: before any exercise or plan.
		const answer = body.indexOf('aria-labelledby="answer-title"');
		expect(answer).toBeGreaterThan(0);
		expect(body.indexOf('<section')).toBe(body.lastIndexOf('<section', answer));
		expect(body).toContain(
			`<span class="care-prefix">${t(lang, `care.prefix.${top.level}`)}<span class="visually-hidden">:</span></span> ${escaped(top.title)}</h2>`
		);
		expect(hasClass(body, 'unsure-note')).toBe(unsure.length > 0);
		const exercises = body.search(/class="first-aid[ "]/);
		expect(exercises === -1 || exercises > answer).toBe(true);
		// An emergency is only the emergency: no exercises, no plan to save, no guided first aid.
		expect(hasClass(body, 'first-aid')).toBe(!emergency && result.exercises.length > 0);
		expect(hasClass(body, 'save-plan')).toBe(!emergency);
		expect(body.includes(`href="/${lang}/first-aid`)).toBe(!emergency && Boolean(result.guidedFirstAid));
		expect(hasClass(body, 'withheld')).toBe(!emergency && Boolean(result.firstAidWithheld));
	});

	const emergencies = assessmentResultExamples.filter((e) => (e.props.result as AssessmentPage).urgency === 'emergency');
	it.each(emergencies.map((e) => [e.name, e] as const))('%s: every further card is shown too', (_, example) => {
		const cards = (example.props.result as AssessmentPage).cards;
		const shown = [...html(example).matchAll(/<(?:section|article)[^>]* data-id="([^"]+)"/g)].map((m) => m[1]);
		expect(shown).toEqual(cards.map((c) => c.id));
	});

	it('has an example of every urgency level', () => {
		const levels = new Set(assessmentResultExamples.map((e) => (e.props.result as AssessmentPage).urgency));
		expect([...levels].sort()).toEqual(['emergency', 'see-doctor', 'self-care', 'urgent']);
	});
});
