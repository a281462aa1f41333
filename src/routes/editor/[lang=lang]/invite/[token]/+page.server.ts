import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '$lib/server/auth';
import { appDatabase } from '$lib/server/db/app';
import { acceptInvite, findInvite } from '$lib/server/desk/accounts';
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
		const accepted = await acceptInvite((await appDatabase()).db, params.token, parsed.data.password);
		if (!accepted.ok) {
			const status = accepted.code === 'gone' ? 410 : accepted.field === 'email' ? 409 : 400;
			return fail(status, { refusal: accepted.code });
		}
		redirect(303, `/editor/${params.lang}/sign-in?joined`);
	}
} satisfies Actions;
