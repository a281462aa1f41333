import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { t } from '../../i18n';
import { inboxFilterLabels, inboxFilterSchema } from '../../server/desk/inbox';
import { provideAllMessages } from '../../server/messages';
import { formProblems, type FormProblem } from './form-problems';
import {
	accountForm,
	accountLabels,
	disableForm,
	inviteForm,
	inviteLabels,
	roleForm,
	signOffForm,
	signOffLabels,
	statusForm,
	statusLabels
} from './forms';

provideAllMessages();

const say = (lang: 'en' | 'ru', p: FormProblem) =>
	t(lang, 'editor.problems.item', { label: t(lang, p.label), problem: t(lang, p.problem, p.params) });

describe('formProblems', () => {
	const labels = { ...inviteLabels, ...statusLabels, ...signOffLabels, ...inboxFilterLabels, password: 'editor.signIn.password' as const };
	const first = (schema: z.ZodObject, input: unknown) => formProblems(schema.safeParse(input).error!, labels)[0];
	const password = z.object({ password: z.string().min(12) });

	it.each([
		[password, { password: 'short' }, 'Password: at least 12 characters'],
		[inviteForm, { email: 'ada', name: 'Ada', role: 'admin' }, 'Email: enter an email address, like name@example.org'],
		[inviteForm, { email: 'ada@example.org', name: ' ', role: 'admin' }, 'Name (shown on sign-offs): fill this in'],
		[inviteForm, { email: 'ada@example.org', name: 'Ada', role: 'owner' }, 'Role: choose one of the options'],
		[statusForm, { ids: [], status: 'read' }, 'Select: choose at least one'],
		[statusForm, { ids: ['x'], status: 'read' }, 'Select: check what you entered and try again'],
		[signOffForm, { hash: 'abc' }, 'Version: check what you entered and try again'],
		[signOffForm, { hash: 'a'.repeat(64), note: 'n'.repeat(2001) }, 'Note (what you checked): at most 2000 characters'],
		[inboxFilterSchema, { from: '2026-13-01' }, 'From: enter a date, like 2026-03-01']
	] as const)('[S-43.2] %#: %j gives "%s"', (schema, input, expected) => expect(say('en', first(schema, input))).toBe(expected));

	it.each([
		[password, { password: 'short' }, 'Пароль: не меньше 12 символов'],
		[inviteForm, { email: 'ada@example.org', name: 'Ada', role: 'owner' }, 'Роль: выберите один из вариантов']
	] as const)('[S-43.3] %#: in Russian, %j gives "%s"', (schema, input, expected) =>
		expect(say('ru', first(schema, input))).toBe(expected)
	);

	it('takes a refinement’s own problem and its values', () => {
		const schema = z
			.object({ password: z.string() })
			.superRefine((v, ctx) =>
				ctx.addIssue({ code: 'custom', path: ['password'], message: 'common', params: { problem: 'editor.problem.textMin', min: 12 } })
			);
		const [problem] = formProblems(schema.safeParse({ password: 'x' }).error!, { password: 'editor.signIn.password' });
		expect(say('en', problem)).toBe('Password: at least 12 characters');
	});

	it('says one problem per field, in the order of the form', () => {
		const problems = formProblems(inviteForm.safeParse({ email: 'x'.repeat(400), name: '' }).error!, inviteLabels);
		expect(problems.map((p) => p.field)).toEqual(['email', 'name', 'role']);
	});

	// Any input to any desk form: every problem is the field's own label and a message of ours, in both languages.
	const FORMS = [
		[statusForm, statusLabels],
		[signOffForm, signOffLabels],
		[inviteForm, inviteLabels],
		[roleForm, accountLabels],
		[disableForm, accountLabels],
		[accountForm, accountLabels],
		[inboxFilterSchema, inboxFilterLabels]
	] as const;
	const value = fc.oneof(fc.string({ maxLength: 80 }), fc.constant(undefined), fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }));
	test.prop([
		fc.integer({ min: 0, max: FORMS.length - 1 }),
		fc.dictionary(
			fc.constantFrom(
				'ids',
				'status',
				'hash',
				'note',
				'email',
				'name',
				'role',
				'specialty',
				'id',
				'disabled',
				'guide',
				'lang',
				'from',
				'to',
				'q',
				'after'
			),
			value
		)
	])('[S-43.1] every problem of every desk form names its field’s label and says what to do in our words', (which, input) => {
		const [schema, labels] = FORMS[which];
		const parsed = (schema as z.ZodObject).safeParse(input);
		const issues = parsed.error?.issues ?? [];
		const problems = parsed.error ? formProblems(parsed.error, labels) : [];
		expect(problems.map((p) => p.field)).toEqual([...new Set(issues.map((i) => String(i.path[0])))]);
		for (const p of problems)
			for (const lang of ['en', 'ru'] as const) {
				const text = say(lang, p);
				expect(p.label).toBe((labels as Record<string, string>)[p.field]);
				expect(text.startsWith(`${t(lang, p.label)}: `)).toBe(true);
				for (const issue of issues) expect(text).not.toContain(issue.message);
			}
	});
});
