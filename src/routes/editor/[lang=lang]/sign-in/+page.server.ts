import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import { authFor, PASSWORD_MAX } from '$lib/server/auth';
import { appDatabase } from '$lib/server/db/app';
import { signInAttempt } from '$lib/server/desk/sign-in-limit';
import type { Actions, PageServerLoad } from './$types';

const passwordStep = z.object({ email: z.string().trim().max(320), password: z.string().min(1).max(PASSWORD_MAX) });
const codeStep = z.object({
	code: z
		.string()
		.trim()
		.regex(/^\d{6}$/)
});

export const load = (({ url }) => ({ joined: url.searchParams.has('joined') })) satisfies PageServerLoad;

export const actions = {
	password: async ({ request, getClientAddress, params }) => {
		const parsed = passwordStep.safeParse(Object.fromEntries(await request.formData()));
		// Whatever is wrong, the answer is the same: it must not tell which accounts exist.
		if (!parsed.success) return fail(400, { step: 'password', error: 'failed' as const });
		const wait = await signInAttempt(parsed.data.email, getClientAddress());
		if (wait) return fail(429, { step: 'password', error: 'limited' as const, seconds: wait });
		const auth = await authFor((await appDatabase()).db);
		let result;
		try {
			result = await auth.api.signInEmail({ body: parsed.data, headers: request.headers });
		} catch (e) {
			if (e instanceof APIError) return fail(400, { step: 'password', error: 'failed' as const });
			throw e;
		}
		if ('twoFactorRedirect' in result && result.twoFactorRedirect) return { step: 'code' };
		redirect(303, `/editor/${params.lang}`);
	},
	code: async ({ request, getClientAddress, params }) => {
		const parsed = codeStep.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { step: 'code', error: 'codeFailed' as const });
		const wait = await signInAttempt(undefined, getClientAddress());
		if (wait) return fail(429, { step: 'code', error: 'limited' as const, seconds: wait });
		const auth = await authFor((await appDatabase()).db);
		try {
			await auth.api.verifyTOTP({ body: { code: parsed.data.code }, headers: request.headers });
		} catch (e) {
			if (e instanceof APIError) return fail(400, { step: 'code', error: 'codeFailed' as const });
			throw e;
		}
		redirect(303, `/editor/${params.lang}`);
	}
} satisfies Actions;
