import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '$lib/server/auth';
import { appDatabase } from '$lib/server/db/app';
import { acceptInvite, findInvite } from '$lib/server/desk/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params }) => {
	const invite = await findInvite((await appDatabase()).db, params.token);
	return { invite: invite && { email: invite.email, role: invite.role }, passwordMin: PASSWORD_MIN };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, params }) => {
		const parsed = z
			.object({ password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX) })
			.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { field: 'password', message: parsed.error.issues[0].message });
		const accepted = await acceptInvite((await appDatabase()).db, params.token, parsed.data.password);
		if (!accepted) return fail(410, { field: 'token', message: 'used or expired' });
		redirect(303, `/editor/${params.lang}/sign-in?joined`);
	}
} satisfies Actions;
