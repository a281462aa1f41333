import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import { passwordProblem } from '../../../../../policy/password.js';
import { requiresTwoFactor } from '$lib/core/desk/roles';
import { authFor, PASSWORD_MAX, PASSWORD_MIN, type DeskUser } from '$lib/server/auth';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { recordAudit } from '$lib/server/desk/audit';
import { twoFactorSetup } from '$lib/server/desk/two-factor-setup';
import type { Actions, PageServerLoad } from './$types';

// Long enough for any password the policy might accept; the policy says what is wrong with it.
const anyPassword = z
	.string()
	.min(1)
	.max(4 * PASSWORD_MAX);

/** Signed in with a password only although the account has a second factor (a session from before it was set up). */
const secondFactorMissing = (user: DeskUser) => user.twoFactorEnabled && !user.sessionTwoFactor;

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

const deskAuth = async () => {
	const { db } = await appDatabase();
	return { db, auth: await authFor(db) };
};

export const actions = {
	password: async ({ request, locals }) => {
		const user = requireDesk(locals, 'signed-in', 'before-two-factor');
		if (secondFactorMissing(user)) return fail(403, { action: 'password' as const, secondFactorMissing: true });
		const parsed = z
			.object({ currentPassword: anyPassword, newPassword: anyPassword })
			.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			if (issue.path[0] !== 'newPassword') return fail(400, { action: 'password' as const, field: 'currentPassword', wrong: true });
			return fail(400, {
				action: 'password' as const,
				field: 'newPassword',
				problem: issue.code === 'too_big' ? ('too-long' as const) : ('too-short' as const)
			});
		}
		const problem = await passwordProblem(parsed.data.newPassword, {
			current: parsed.data.currentPassword,
			userInputs: [user.email, user.name]
		});
		if (problem) return fail(400, { action: 'password' as const, field: 'newPassword', problem });
		const { db, auth } = await deskAuth();
		try {
			await auth.api.changePassword({ body: { ...parsed.data, revokeOtherSessions: true }, headers: request.headers });
		} catch (e) {
			if (e instanceof APIError) return fail(400, { action: 'password' as const, field: 'currentPassword', wrong: true });
			throw e;
		}
		await recordAudit(db, user, 'account.password', user.email, null, null);
		return { action: 'password' as const, changed: true };
	},
	enable: async ({ request, locals }) => {
		if (requireDesk(locals, 'signed-in', 'before-two-factor').twoFactorEnabled)
			return fail(409, { action: 'enable' as const, field: 'password', wrong: true });
		const parsed = z.object({ password: anyPassword }).safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { action: 'enable' as const, field: 'password', wrong: true });
		const { auth } = await deskAuth();
		try {
			const enabled = await auth.api.enableTwoFactor({ body: { ...parsed.data, method: 'totp' }, headers: request.headers });
			if (enabled.method !== 'totp') throw new Error('TOTP was asked for');
			return {
				action: 'enable' as const,
				...(await twoFactorSetup(enabled.totpURI)),
				backupCodes: enabled.backupCodes,
				email: locals.desk!.email
			};
		} catch (e) {
			if (e instanceof APIError) return fail(400, { action: 'enable' as const, field: 'password', wrong: true });
			throw e;
		}
	},
	confirm: async ({ request, locals, params }) => {
		requireDesk(locals, 'signed-in', 'before-two-factor');
		const parsed = z
			.object({
				code: z
					.string()
					.trim()
					.regex(/^\d{6}$/)
			})
			.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { action: 'confirm' as const, field: 'code', wrong: true });
		const { auth } = await deskAuth();
		try {
			// The library turns two-factor on and replaces this session with one that has it; auth.ts writes the audit row.
			await auth.api.verifyTOTP({ body: parsed.data, headers: request.headers });
		} catch (e) {
			if (e instanceof APIError) return fail(400, { action: 'confirm' as const, field: 'code', wrong: true });
			throw e;
		}
		redirect(303, `/editor/${params.lang}`);
	}
} satisfies Actions;
