// The feedback form in each step (examples in testing.ts): every step works as a plain form
// post, and an error about the comment stands next to the box as well as in the summary.
import { describe, expect, it } from 'vitest';
import { COMMENT_MAX, type FeedbackStep } from '$lib/core/feedback';
import { t, type MessageKey } from '$lib/i18n';
import { escaped, feedbackWidgetExamples, hasClass, html } from './testing';

const COMMENT_ERRORS: (MessageKey | undefined)[] = ['feedback.error.comment', 'feedback.error.characters'];

describe('FeedbackWidget', () => {
	it.each(feedbackWidgetExamples.map((e) => [e.name, e] as const))('%s', (_, example) => {
		const { lang } = example;
		const step = (example.props.step as FeedbackStep | undefined) ?? 'ask';
		const error = example.props.error as MessageKey | undefined;
		const comment = (example.props.comment as string | undefined) ?? '';
		const body = html(example);
		expect(body).toContain(`data-step="${step}"`);
		expect(body.includes(`<form method="POST" action="/${lang}/guides/calf-cramps/feedback"`)).toBe(step !== 'thanks');
		expect(body.includes('role="status"')).toBe(step === 'thanks');
		expect(body.includes('role="alert"')).toBe(Boolean(error));
		const byTheBox = step === 'comment' && COMMENT_ERRORS.includes(error);
		expect(body.includes('id="feedback-comment-error"')).toBe(byTheBox);
		expect(body.includes('aria-invalid="true"')).toBe(byTheBox);
		expect(hasClass(body, 'count-over')).toBe(comment.length > COMMENT_MAX);
		expect(body.includes('<textarea')).toBe(step === 'comment');
	});

	const withError = feedbackWidgetExamples.filter((e) => e.props.error);
	it.each(withError.map((e) => [e.name, e] as const))('%s: names what to do', (_, example) => {
		expect(html(example)).toContain(escaped(t(example.lang, example.props.error as MessageKey)));
	});
});
