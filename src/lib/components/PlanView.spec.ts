// PlanView in each of its states (examples in testing.ts): the result's advice first when it is
// more than self-care, the doctor-first line, today's measures with their ticks, the way back
// to the result. axe runs over these in accessibility.spec.ts.
import { describe, expect, it } from 'vitest';
import { isDone, type Plan } from '$lib/core/plan';
import { careLabel } from '$lib/core/content/urgency';
import { t } from '$lib/i18n';
import { escaped, hasClass, html, planViewExamples } from './testing';

describe('PlanView', () => {
	it.each(planViewExamples.map((e) => [e.name, e] as const))('%s', (_, example) => {
		const { lang } = example;
		const plan = example.props.plan as Plan;
		const today = example.props.today as string;
		const body = html(example);
		const advised = plan.advice !== undefined && careLabel(plan.advice) !== 'self-care';
		expect(hasClass(body, 'plan-advice')).toBe(advised);
		// the advice comes before today's measures: a plan is never a way round the result's answer
		expect(/plan-advice[^]*today-title/.test(body)).toBe(advised);
		expect(hasClass(body, 'doctor-first')).toBe(plan.doctorFirst);
		expect(body.match(/<article class="item plan-item"/g)?.length).toBe(plan.measures.length);
		for (const id of plan.measures)
			expect(body.includes(`id="tick-${id}" type="checkbox"${isDone(plan, today, id) ? ' checked' : ''}`)).toBe(true);
		const done = plan.measures.filter((id) => isDone(plan, today, id)).length;
		expect(body).toContain(escaped(t(lang, 'plan.progress', { done, total: plan.measures.length })));
		expect(body.includes(`href="/${lang}/check/result?`)).toBe(plan.answers !== undefined);
		expect(body).toContain(`href="/${lang}/diary"`);
	});
});
