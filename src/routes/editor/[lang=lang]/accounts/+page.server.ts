import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { ROLES } from '$lib/core/desk/roles';
import { appDatabase } from '$lib/server/db/app';
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

export const load = (async () => {
	const { db } = await appDatabase();
	return { accounts: await listAccounts(db), invites: await listPendingInvites(db), roles: ROLES };
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
		const parsed = inviteSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('invite', parsed.error);
		let invite;
		try {
			invite = await createInvite((await appDatabase()).db, parsed.data, locals.desk!);
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
		const parsed = z.object({ id: z.uuid() }).safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('withdraw', parsed.error);
		return change('withdraw', async () => withdrawInvite((await appDatabase()).db, parsed.data.id, locals.desk!));
	},
	role: async ({ request, locals }) => {
		const parsed = idSchema.extend({ role: z.enum(ROLES) }).safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('role', parsed.error);
		return change('role', async () => changeRole((await appDatabase()).db, parsed.data.id, parsed.data.role, locals.desk!));
	},
	disable: async ({ request, locals }) => {
		const parsed = idSchema.extend({ disabled: z.enum(['true', 'false']) }).safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('disable', parsed.error);
		return change('disable', async () =>
			setDisabled((await appDatabase()).db, parsed.data.id, parsed.data.disabled === 'true', locals.desk!)
		);
	},
	resetTwoFactor: async ({ request, locals }) => {
		const parsed = idSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalid('resetTwoFactor', parsed.error);
		return change('resetTwoFactor', async () => resetTwoFactor((await appDatabase()).db, parsed.data.id, locals.desk!));
	}
} satisfies Actions;
