import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { ROLES } from '$lib/core/desk/roles';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { AccountError, changeRole, createInvite, listAccounts, resetTwoFactor, setDisabled } from '$lib/server/desk/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	requireDesk(locals, 'accounts');
	return { accounts: await listAccounts((await appDatabase()).db), roles: ROLES };
}) satisfies PageServerLoad;

const inviteSchema = z.object({
	email: z.email().max(320),
	name: z.string().trim().min(1).max(120),
	role: z.enum(ROLES),
	specialty: z.string().trim().max(120).default('')
});
const idSchema = z.object({ id: z.string().min(1).max(64) });

const invalid = (action: string, error: z.ZodError) =>
	fail(400, { action, field: String(error.issues[0].path[0]), message: error.issues[0].message });

/** Runs an account change; a refused one (no such account, yourself) says which field. */
async function change(action: string, run: () => Promise<void>) {
	try {
		await run();
		return { action, done: true };
	} catch (e) {
		if (e instanceof AccountError) return fail(400, { action, field: e.field, message: e.message });
		throw e;
	}
}

export const actions = {
	invite: async ({ request, locals, url, params }) => {
		requireDesk(locals, 'accounts');
		const parsed = inviteSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('invite', parsed.error);
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
		const parsed = idSchema.extend({ role: z.enum(ROLES) }).safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('role', parsed.error);
		return change('role', async () => changeRole((await appDatabase()).db, parsed.data.id, parsed.data.role, locals.desk!));
	},
	disable: async ({ request, locals }) => {
		requireDesk(locals, 'accounts');
		const parsed = idSchema.extend({ disabled: z.enum(['true', 'false']) }).safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('disable', parsed.error);
		return change('disable', async () =>
			setDisabled((await appDatabase()).db, parsed.data.id, parsed.data.disabled === 'true', locals.desk!)
		);
	},
	resetTwoFactor: async ({ request, locals }) => {
		requireDesk(locals, 'accounts');
		const parsed = idSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('resetTwoFactor', parsed.error);
		return change('resetTwoFactor', async () => resetTwoFactor((await appDatabase()).db, parsed.data.id, locals.desk!));
	}
} satisfies Actions;
