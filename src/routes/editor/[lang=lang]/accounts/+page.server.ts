import { accountForm, accountLabels, disableForm, inviteForm, inviteLabels, roleForm, withdrawForm } from '$lib/core/desk/forms';
import type { Refusal } from '$lib/core/desk/outcome';
import { ROLES } from '$lib/core/desk/roles';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import {
	changeRole,
	createInvite,
	listAccounts,
	listPendingInvites,
	resetTwoFactor,
	setDisabled,
	withdrawInvite,
	type AccountRefusal
} from '$lib/server/desk/accounts';
import { invalidForm, refusedForm, type RefusalText } from '$lib/server/desk/form';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	requireDesk(locals, 'accounts');
	const { db } = await appDatabase();
	return { accounts: await listAccounts(db), invites: await listPendingInvites(db), roles: ROLES };
}) satisfies PageServerLoad;

/** The labels a refusal's field is named by, on any of the page's forms. */
const refusalLabels = { ...accountLabels, email: inviteLabels.email, invite: 'desk.field.invite' } as const;

/** A refused change in the desk's words; `email` is the address the invite form was about. */
function refusalText(code: AccountRefusal, email: string): RefusalText {
	if (code === 'exists') return { status: 409, problem: 'desk.refusal.exists', params: { email } };
	if (code === 'pending') return { status: 409, problem: 'desk.refusal.pending', params: { email } };
	if (code === 'gone') return { status: 410, problem: 'desk.refusal.gone' };
	if (code === 'last-admin') return { status: 409, problem: 'desk.refusal.lastAdmin' };
	if (code === 'self') return { status: 409, problem: 'desk.refusal.self' };
	// The account forms take no password: what is left is an account gone meanwhile.
	return { status: 409, problem: 'desk.refusal.missing' };
}

const refused = (action: string, refusal: Refusal<AccountRefusal>, email = '') =>
	refusedForm(refusal, refusalText(refusal.code, email), refusalLabels, { action, email });

/** Runs an account change; a refused one (no such account, yourself, the last admin) says which field and why. */
async function change(action: string, run: () => Promise<{ ok: true; value: { email: string } | void } | Refusal<AccountRefusal>>) {
	const outcome = await run();
	if (!outcome.ok) return refused(action, outcome);
	return { action, done: true, email: outcome.value?.email };
}

export const actions = {
	invite: async ({ request, locals, url, params }) => {
		const actor = requireDesk(locals, 'accounts');
		const parsed = inviteForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalidForm(parsed.error, inviteLabels, { action: 'invite' });
		const invite = await createInvite((await appDatabase()).db, parsed.data, actor);
		if (!invite.ok) return refused('invite', invite, parsed.data.email);
		return {
			action: 'invite',
			email: parsed.data.email,
			link: `${url.origin}/editor/${params.lang}/invite/${invite.value.token}`,
			expiresOn: invite.value.expiresAt.toISOString().slice(0, 10)
		};
	},
	withdraw: async ({ request, locals }) => {
		const actor = requireDesk(locals, 'accounts');
		const parsed = withdrawForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalidForm(parsed.error, { id: 'desk.invite.pendingTitle' }, { action: 'withdraw' });
		return change('withdraw', async () => withdrawInvite((await appDatabase()).db, parsed.data.id, actor));
	},
	role: async ({ request, locals }) => {
		const actor = requireDesk(locals, 'accounts');
		const parsed = roleForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalidForm(parsed.error, accountLabels, { action: 'role' });
		return change('role', async () => changeRole((await appDatabase()).db, parsed.data.id, parsed.data.role, actor));
	},
	disable: async ({ request, locals }) => {
		const actor = requireDesk(locals, 'accounts');
		const parsed = disableForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalidForm(parsed.error, accountLabels, { action: 'disable' });
		return change('disable', async () => setDisabled((await appDatabase()).db, parsed.data.id, parsed.data.disabled === 'true', actor));
	},
	resetTwoFactor: async ({ request, locals }) => {
		const actor = requireDesk(locals, 'accounts');
		const parsed = accountForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalidForm(parsed.error, accountLabels, { action: 'resetTwoFactor' });
		return change('resetTwoFactor', async () => resetTwoFactor((await appDatabase()).db, parsed.data.id, actor));
	}
} satisfies Actions;
