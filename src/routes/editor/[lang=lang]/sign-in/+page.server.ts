import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { PASSWORD_MAX } from '$lib/server/auth';
import { appDatabase } from '$lib/server/db/app';
import { signInWithCode, signInWithPassword, type SignInOutcome } from '$lib/server/desk/sign-in';
import { clientOf } from '$lib/server/rate-limit';
import type { Actions, PageServerLoad } from './$types';

const passwordStep = z.object({
	email: z.string().trim().max(320),
	password: z
		.string()
		.min(1)
		.max(4 * PASSWORD_MAX)
});
const codeStep = z.object({ code: z.string().trim().max(32) });

export const load = (({ url }) => ({ joined: url.searchParams.has('joined') })) satisfies PageServerLoad;

/** The page's answer to a step: on, or a refusal that says why (never which accounts exist). */
function answer(step: 'password' | 'code', outcome: SignInOutcome, lang: string) {
	if (outcome.kind === 'signed-in') redirect(303, `/editor/${lang}`);
	if (outcome.kind === 'code') return { step: 'code' as const };
	if (outcome.kind === 'limited')
		return fail(429, { step, error: 'limited' as const, scope: outcome.wait.scope, seconds: outcome.wait.seconds });
	return fail(400, { step, error: 'failed' as const });
}

export const actions = {
	password: async (event) => {
		const parsed = passwordStep.safeParse(Object.fromEntries(await event.request.formData()));
		// Whatever is wrong, the answer is the same: it must not tell which accounts exist.
		if (!parsed.success) return fail(400, { step: 'password' as const, error: 'failed' as const });
		const { db } = await appDatabase();
		return answer('password', await signInWithPassword(db, parsed.data, clientOf(event), event.request.headers), event.params.lang);
	},
	code: async (event) => {
		const parsed = codeStep.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { step: 'code' as const, error: 'failed' as const });
		const { db } = await appDatabase();
		return answer('code', await signInWithCode(db, parsed.data.code, clientOf(event), event.request.headers), event.params.lang);
	}
} satisfies Actions;
