import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { formProblems } from '$lib/core/desk/form-problems';
import { accountForm, accountLabels, disableForm, inviteForm, inviteLabels, roleForm, withdrawForm } from '$lib/core/desk/forms';
import { ROLES } from '$lib/core/desk/roles';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import {
	AccountError,
	changeRole,
	createInvite,
	listAccounts,
	listPendingInvites,
	resetTwoFactor,
	setDisabled,
	withdrawInvite
} from '$lib/server/desk/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	requireDesk(locals, 'accounts');
	const { db } = await appDatabase();
	return { accounts: await listAccounts(db), invites: await listPendingInvites(db), roles: ROLES };
}) satisfies PageServerLoad;

const invalid = (action: string, error: z.ZodError, labels: Parameters<typeof formProblems>[1]) =>
	fail(400, { action, problems: formProblems(error, labels) });

/** Runs an account change; a refused one (no such account, yourself, the last admin) says which field and why. */
async function change(action: string, run: () => Promise<{ email: string } | void>) {
	try {
		return { action, done: true, email: (await run())?.email };
	} catch (e) {
		if (e instanceof AccountError) return fail(e.code === 'gone' ? 410 : 409, { action, field: e.field, refusal: e.code });
		throw e;
	}
}

export const actions = {
	invite: async ({ request, locals, url, params }) => {
		const actor = requireDesk(locals, 'accounts');
		const parsed = inviteForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('invite', parsed.error, inviteLabels);
		let invite;
		try {
			invite = await createInvite((await appDatabase()).db, parsed.data, actor);
		} catch (e) {
			if (e instanceof AccountError) return fail(409, { action: 'invite', field: e.field, refusal: e.code, email: parsed.data.email });
			throw e;
		}
		return {
			action: 'invite',
			email: parsed.data.email,
			link: `${url.origin}/editor/${params.lang}/invite/${invite.token}`,
			expiresOn: invite.expiresAt.toISOString().slice(0, 10)
		};
	},
	withdraw: async ({ request, locals }) => {
		const actor = requireDesk(locals, 'accounts');
		const parsed = withdrawForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('withdraw', parsed.error, { id: 'desk.invite.pendingTitle' });
		return change('withdraw', async () => withdrawInvite((await appDatabase()).db, parsed.data.id, actor));
	},
	role: async ({ request, locals }) => {
		const actor = requireDesk(locals, 'accounts');
		const parsed = roleForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('role', parsed.error, accountLabels);
		return change('role', async () => changeRole((await appDatabase()).db, parsed.data.id, parsed.data.role, actor));
	},
	disable: async ({ request, locals }) => {
		const actor = requireDesk(locals, 'accounts');
		const parsed = disableForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('disable', parsed.error, accountLabels);
		return change('disable', async () => setDisabled((await appDatabase()).db, parsed.data.id, parsed.data.disabled === 'true', actor));
	},
	resetTwoFactor: async ({ request, locals }) => {
		const actor = requireDesk(locals, 'accounts');
		const parsed = accountForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('resetTwoFactor', parsed.error, accountLabels);
		return change('resetTwoFactor', async () => resetTwoFactor((await appDatabase()).db, parsed.data.id, actor));
	}
} satisfies Actions;
