import { redirect } from '@sveltejs/kit';
import { pickLang } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) => redirect(303, `/editor/${pickLang(request.headers.get('accept-language'))}`);
