import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requiresTwoFactor } from '$lib/core/desk/roles';
import { PASSWORD_MAX, PASSWORD_MIN } from '$lib/server/auth';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { changePassword, confirmTwoFactor, secondFactorMissing, startTwoFactor } from '$lib/server/desk/security';
import type { Actions, PageServerLoad } from './$types';

// Long enough for any password the policy might accept; the policy says what is wrong with it.
const anyPassword = z
	.string()
	.min(1)
	.max(4 * PASSWORD_MAX);
const passwordForm = z.object({ currentPassword: anyPassword, newPassword: anyPassword });
const enableForm = z.object({ password: anyPassword });
const codeForm = z.object({
	code: z
		.string()
		.trim()
		.regex(/^\d{6}$/)
});

export const load = (({ locals }) => {
	const user = requireDesk(locals, 'signed-in', 'before-two-factor');
	return {
		twoFactorEnabled: user.twoFactorEnabled,
		secondFactorMissing: secondFactorMissing(user),
		required: requiresTwoFactor(user.role),
		passwordMin: PASSWORD_MIN,
		passwordMax: PASSWORD_MAX
	};
}) satisfies PageServerLoad;

const wrong = <A extends string>(action: A, field: string, status = 400) => fail(status, { action, field, wrong: true as const });

export const actions = {
	password: async ({ request, locals }) => {
		const user = requireDesk(locals, 'signed-in', 'before-two-factor');
		const parsed = passwordForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			if (issue.path[0] !== 'newPassword') return wrong('password' as const, 'currentPassword');
			return fail(400, {
				action: 'password' as const,
				field: 'newPassword',
				problem: issue.code === 'too_big' ? ('too-long' as const) : ('too-short' as const)
			});
		}
		const changed = await changePassword((await appDatabase()).db, user, request.headers, parsed.data);
		if (!changed.ok) {
			if (changed.code === 'second-factor-missing') return fail(403, { action: 'password' as const, secondFactorMissing: true });
			if (changed.code === 'wrong') return wrong('password' as const, 'currentPassword');
			return fail(400, { action: 'password' as const, field: 'newPassword', problem: changed.code });
		}
		return { action: 'password' as const, changed: true };
	},
	enable: async ({ request, locals }) => {
		const user = requireDesk(locals, 'signed-in', 'before-two-factor');
		const parsed = enableForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return wrong('enable' as const, 'password', user.twoFactorEnabled ? 409 : 400);
		const started = await startTwoFactor((await appDatabase()).db, user, request.headers, parsed.data.password);
		if (!started.ok) return wrong('enable' as const, 'password', started.code === 'already-on' ? 409 : 400);
		return { action: 'enable' as const, ...started.value, email: user.email };
	},
	confirm: async ({ request, locals, params }) => {
		requireDesk(locals, 'signed-in', 'before-two-factor');
		const parsed = codeForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return wrong('confirm' as const, 'code');
		const confirmed = await confirmTwoFactor((await appDatabase()).db, request.headers, parsed.data.code);
		if (!confirmed.ok) return wrong('confirm' as const, 'code');
		redirect(303, `/editor/${params.lang}`);
	}
} satisfies Actions;
