import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '$lib/server/auth';
import { appDatabase } from '$lib/server/db/app';
import { AccountError, acceptInvite, findInvite } from '$lib/server/desk/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params }) => {
	const invite = await findInvite((await appDatabase()).db, params.token);
	return { invite: invite && { email: invite.email, role: invite.role }, passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, params }) => {
		// Long enough for any password the policy might accept; the policy says what is wrong with it.
		const parsed = z.object({ password: z.string().max(4 * PASSWORD_MAX) }).safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { refusal: 'too-long' as const });
		let accepted;
		try {
			accepted = await acceptInvite((await appDatabase()).db, params.token, parsed.data.password);
		} catch (e) {
			if (e instanceof AccountError) return fail(e.field === 'email' ? 409 : 400, { refusal: e.code });
			throw e;
		}
		if (!accepted) return fail(410, { refusal: 'gone' as const });
		redirect(303, `/editor/${params.lang}/sign-in?joined`);
	}
} satisfies Actions;
