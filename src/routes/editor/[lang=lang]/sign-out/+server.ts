import { redirect } from '@sveltejs/kit';
import { authFor } from '$lib/server/auth';
import { appDatabase } from '$lib/server/db/app';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, params }) => {
	const auth = await authFor((await appDatabase()).db);
	await auth.api.signOut({ headers: request.headers });
	redirect(303, `/editor/${params.lang}/sign-in`);
};
