import { pickLang } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** `/` has no content of its own: send the reader to their language. */
export const GET: RequestHandler = ({ request }) =>
	new Response(null, {
		status: 302,
		headers: { location: `/${pickLang(request.headers.get('accept-language'))}`, vary: 'Accept-Language' }
	});
