import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldProblem, formProblems } from '$lib/core/desk/form-problems';
import { accountForm, accountLabels, disableForm, inviteForm, inviteLabels, roleForm } from '$lib/core/desk/forms';
import { ROLES } from '$lib/core/desk/roles';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { AccountError, changeRole, createInvite, listAccounts, resetTwoFactor, setDisabled } from '$lib/server/desk/accounts';
import type { MessageKey } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	requireDesk(locals, 'accounts');
	return { accounts: await listAccounts((await appDatabase()).db), roles: ROLES };
}) satisfies PageServerLoad;

const invalid = (action: string, error: z.ZodError, labels: Parameters<typeof formProblems>[1]) =>
	fail(400, { action, problems: formProblems(error, labels) });

const LABELS: Record<string, MessageKey> = { ...inviteLabels, ...accountLabels };

/** Runs an account change; a refused one (no such account, yourself) says which field. */
async function change(action: string, run: () => Promise<void>) {
	try {
		await run();
		return { action, done: true };
	} catch (e) {
		if (e instanceof AccountError)
			return fail(400, { action, problems: [fieldProblem(e.field, LABELS[e.field] ?? 'editor.problem.theForm', e.problem)] });
		throw e;
	}
}

export const actions = {
	invite: async ({ request, locals, url, params }) => {
		requireDesk(locals, 'accounts');
		const parsed = inviteForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('invite', parsed.error, inviteLabels);
		const { token, expiresAt } = await createInvite((await appDatabase()).db, parsed.data, locals.desk!);
		return {
			action: 'invite',
			email: parsed.data.email,
			link: `${url.origin}/editor/${params.lang}/invite/${token}`,
			expiresOn: expiresAt.toISOString().slice(0, 10)
		};
	},
	role: async ({ request, locals }) => {
		requireDesk(locals, 'accounts');
		const parsed = roleForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('role', parsed.error, accountLabels);
		return change('role', async () => changeRole((await appDatabase()).db, parsed.data.id, parsed.data.role, locals.desk!));
	},
	disable: async ({ request, locals }) => {
		requireDesk(locals, 'accounts');
		const parsed = disableForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('disable', parsed.error, accountLabels);
		return change('disable', async () =>
			setDisabled((await appDatabase()).db, parsed.data.id, parsed.data.disabled === 'true', locals.desk!)
		);
	},
	resetTwoFactor: async ({ request, locals }) => {
		requireDesk(locals, 'accounts');
		const parsed = accountForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('resetTwoFactor', parsed.error, accountLabels);
		return change('resetTwoFactor', async () => resetTwoFactor((await appDatabase()).db, parsed.data.id, locals.desk!));
	}
} satisfies Actions;
