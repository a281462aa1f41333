import { redirect } from '@sveltejs/kit';
import { authFor } from '$lib/server/auth';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { recordAudit } from '$lib/server/desk/audit';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, params, locals }) => {
	const user = requireDesk(locals, 'signed-in', 'before-two-factor');
	const { db } = await appDatabase();
	await (await authFor(db)).api.signOut({ headers: request.headers });
	await recordAudit(db, user, 'sign-out', user.email, null, null);
	redirect(303, `/editor/${params.lang}/sign-in`);
};
