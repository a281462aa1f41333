import { redirect } from '@sveltejs/kit';
import { authFor } from '$lib/server/auth';
import { appDatabase } from '$lib/server/db/app';
import { recordAudit } from '$lib/server/desk/audit';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, params, locals }) => {
	const { db } = await appDatabase();
	await (await authFor(db)).api.signOut({ headers: request.headers });
	if (locals.desk) await recordAudit(db, locals.desk, 'sign-out', locals.desk.email, null, null);
	redirect(303, `/editor/${params.lang}/sign-in`);
};
