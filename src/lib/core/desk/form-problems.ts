// What the desk says when a form is filled in wrongly: the field's label and what to do,
// in the desk's language ("Password: at least 12 characters"), never a library's message
// or a field's id. One mapping from zod's issues to message keys for every desk form;
// `DeskProblems.svelte` shows the result as an error summary linking to each field.
import type { z } from 'zod';
import type { MessageKey } from '../../i18n';

export type FormProblem = { field: string; label: MessageKey; problem: MessageKey; params: Record<string, string | number> };

/** The label of every field a form's schema reads, keyed by the field's name. */
export type FieldLabels<S extends z.ZodObject> = Record<keyof S['shape'] & string, MessageKey>;

/**
 * A refinement names its own problem (and any placeholder values) in the issue's params:
 * `ctx.addIssue({ code: 'custom', path: ['password'], message: '…', params: { problem: 'editor.problem.commonPassword' } })`.
 */
export type CustomProblem = { problem: MessageKey } & Record<string, string | number>;

function problemOf(issue: z.core.$ZodIssue): Pick<FormProblem, 'problem' | 'params'> {
	switch (issue.code) {
		case 'invalid_type':
			return { problem: 'editor.problem.required', params: {} };
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'array' || issue.origin === 'set')
				return min === 1 ? { problem: 'editor.problem.chooseOne', params: {} } : { problem: 'editor.problem.chooseMin', params: { min } };
			if (issue.origin === 'string')
				return min === 1 ? { problem: 'editor.problem.required', params: {} } : { problem: 'editor.problem.textMin', params: { min } };
			return { problem: 'editor.problem.numberMin', params: { min } };
		}
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'array' || issue.origin === 'set') return { problem: 'editor.problem.chooseMax', params: { max } };
			if (issue.origin === 'string') return { problem: 'editor.problem.textMax', params: { max } };
			return { problem: 'editor.problem.numberMax', params: { max } };
		}
		case 'invalid_format':
			if (issue.format === 'email') return { problem: 'editor.problem.email', params: {} };
			if (issue.format === 'date') return { problem: 'editor.problem.date', params: {} };
			return { problem: 'editor.problem.invalid', params: {} };
		case 'invalid_value':
			return { problem: 'editor.problem.option', params: {} };
		case 'custom': {
			const custom = issue.params as CustomProblem | undefined;
			if (custom?.problem) {
				const { problem, ...params } = custom;
				return { problem, params };
			}
			return { problem: 'editor.problem.invalid', params: {} };
		}
		default:
			return { problem: 'editor.problem.invalid', params: {} };
	}
}

/** One problem per field (its first issue), in the order zod found them. */
export function formProblems(error: z.ZodError, labels: Record<string, MessageKey>): FormProblem[] {
	const seen = new Set<string>();
	const problems: FormProblem[] = [];
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '');
		if (seen.has(field)) continue;
		seen.add(field);
		// FieldLabels makes a form name every field; a field it does not know is the form as a whole.
		problems.push({ field, label: labels[field] ?? 'editor.problem.theForm', ...problemOf(issue) });
	}
	return problems;
}

/** A problem the service found (no such account, a changed text), for the same summary. */
export const fieldProblem = (field: string, label: MessageKey, problem: MessageKey, params: FormProblem['params'] = {}): FormProblem => ({
	field,
	label,
	problem,
	params
});
