import { redirect } from '@sveltejs/kit';
import { authFor } from '$lib/server/auth';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, params, locals }) => {
	requireDesk(locals, 'signed-in', 'before-two-factor');
	const auth = await authFor((await appDatabase()).db);
	await auth.api.signOut({ headers: request.headers });
	redirect(303, `/editor/${params.lang}/sign-in`);
};
