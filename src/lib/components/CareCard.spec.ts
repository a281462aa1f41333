// CareCard in each of its states (examples in testing.ts): the level in words before the title,
// the card's parts as each state shows them. axe runs over these in accessibility.spec.ts.
import { describe, expect, it } from 'vitest';
import type { CareView } from '$lib/core/content/view';
import { t } from '$lib/i18n';
import { careCardExamples, escaped, hasClass, html } from './testing';

describe('CareCard', () => {
	it.each(careCardExamples.map((e) => [e.name, e] as const))('%s', (_, example) => {
		const { props, lang } = example;
		const care = props.care as CareView;
		const body = html(example);
		const tag = props.compact ? 'article' : 'section';
		const heading = props.compact ? 'h4' : 'h3';
		expect(body).toMatch(new RegExp(`^<${tag} class="care care-${care.level}[ "]`));
		expect(body).toContain(
			`<${heading} id="${care.anchor}-title" class="care-heading"><span class="care-prefix">${t(lang, `care.prefix.${care.level}`)}<span class="visually-hidden">:</span></span> ${escaped(care.title)}</${heading}>`
		);
		// The general list of signs is left out only on a result, which names the reader's own.
		expect(body.includes(care.when)).toBe(!props.brief);
		// An emergency card's action is the call, so the call line is not repeated.
		expect(hasClass(body, 'care-call')).toBe(Boolean(care.call) && care.level !== 'emergency');
		expect(hasClass(body, 'care-more')).toBe(Boolean(props.compact));
		expect(hasClass(body, 'care-specialist')).toBe(Boolean(care.specialist));
	});
});
