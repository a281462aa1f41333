// How a desk action answers a form it refuses: 400 with the problems of each field its
// schema found, or the status and problem a service's refusal maps to, both shown by
// DeskProblems.svelte as one error summary.
import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldProblem, formProblems } from '../../core/desk/form-problems';
import type { Refusal } from '../../core/desk/outcome';
import type { MessageKey } from '../../i18n';

/** A form its schema refused; `extra` says which of the page's forms it was and what to fill in again. */
export const invalidForm = <E extends object>(error: z.ZodError, labels: Record<string, MessageKey>, extra: E = {} as E) =>
	fail(400, { ...extra, problems: formProblems(error, labels) });

/** What the desk says about one refusal code: the HTTP status and the problem (with its placeholders). */
export type RefusalText = { status: number; problem: MessageKey; params?: Record<string, string | number> };

/** A service's refusal, named by its field's label. */
export const refusedForm = <E extends object>(
	refusal: Refusal<string>,
	text: RefusalText,
	labels: Record<string, MessageKey>,
	extra: E = {} as E
) =>
	fail(text.status, {
		...extra,
		problems: [fieldProblem(refusal.field, labels[refusal.field] ?? 'editor.problem.theForm', text.problem, text.params)]
	});
