import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import { requiresTwoFactor } from '$lib/core/desk/roles';
import { authFor, PASSWORD_MAX, PASSWORD_MIN } from '$lib/server/auth';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { recordAudit } from '$lib/server/desk/audit';
import type { Actions, PageServerLoad } from './$types';

const newPassword = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const load = (({ locals }) => {
	const user = requireDesk(locals, 'signed-in', 'before-two-factor');
	return { twoFactorEnabled: user.twoFactorEnabled, required: requiresTwoFactor(user.role), passwordMin: PASSWORD_MIN };
}) satisfies PageServerLoad;

const deskAuth = async () => {
	const { db } = await appDatabase();
	return { db, auth: await authFor(db) };
};

export const actions = {
	password: async ({ request, locals }) => {
		requireDesk(locals, 'signed-in', 'before-two-factor');
		const parsed = z
			.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword })
			.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success)
			return fail(400, { action: 'password', field: String(parsed.error.issues[0].path[0]), message: parsed.error.issues[0].message });
		const { db, auth } = await deskAuth();
		try {
			await auth.api.changePassword({ body: { ...parsed.data, revokeOtherSessions: true }, headers: request.headers });
		} catch (e) {
			if (e instanceof APIError) return fail(400, { action: 'password', field: 'currentPassword', wrong: true });
			throw e;
		}
		await recordAudit(db, locals.desk!, 'account.password', locals.desk!.email, null, null);
		return { action: 'password', changed: true };
	},
	enable: async ({ request, locals }) => {
		requireDesk(locals, 'signed-in', 'before-two-factor');
		const parsed = z.object({ password: z.string().min(1).max(PASSWORD_MAX) }).safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { action: 'enable', field: 'password', wrong: true });
		const { auth } = await deskAuth();
		try {
			const enabled = await auth.api.enableTwoFactor({ body: { ...parsed.data, method: 'totp' }, headers: request.headers });
			if (enabled.method !== 'totp') throw new Error('TOTP was asked for');
			const { totpURI, backupCodes } = enabled;
			return { action: 'enable', totpURI, secret: new URL(totpURI).searchParams.get('secret'), backupCodes };
		} catch (e) {
			if (e instanceof APIError) return fail(400, { action: 'enable', field: 'password', wrong: true });
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
		if (!parsed.success) return fail(400, { action: 'confirm', field: 'code', wrong: true });
		const { db, auth } = await deskAuth();
		try {
			await auth.api.verifyTOTP({ body: parsed.data, headers: request.headers });
		} catch (e) {
			if (e instanceof APIError) return fail(400, { action: 'confirm', field: 'code', wrong: true });
			throw e;
		}
		await recordAudit(
			db,
			locals.desk!,
			'account.two-factor-on',
			locals.desk!.email,
			{ twoFactorEnabled: false },
			{ twoFactorEnabled: true }
		);
		redirect(303, `/editor/${params.lang}`);
	}
} satisfies Actions;
