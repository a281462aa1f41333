import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { ROUTE_ID, serving } from '@fitnavigator/serving/link';
import { building } from '$app/environment';
import { appDatabase, closeAppDatabase } from '$lib/server/db/app';
import { guardDesk, isDeskRoute, startDesk } from '$lib/server/desk/hook';
import { provideAllMessages } from '$lib/server/messages';
import { nodeVotes } from '$lib/server/vote-link';
import { LANGS, type Lang } from '$lib/core/content/schema';
import { POST as vote } from './routes/api/v1/guides/[slug]/feedback/+server';

provideAllMessages();

export const init: ServerInit = async () => {
	if (building) return;
	// Open (and migrate) before the first request, so a broken database shows at start.
	await appDatabase();
	startDesk();
	// server.js answers votes with the API route's handler before SvelteKit (src/lib/server/vote-link.ts).
	serving.attachVotes(nodeVotes(vote));
	// Without closing PGlite the process hangs on SIGTERM.
	process.once('sveltekit:shutdown', () => void closeAppDatabase());
};

const langOf = (path: string): Lang =>
	((LANGS as readonly string[]).find((l) => path === `/${l}` || path.startsWith(`/${l}/`)) as Lang | undefined) ?? 'en';

export const handle: Handle = async ({ event, resolve }) => {
	// server.js logs and counts each request by route; it reads the id from the Node request.
	const nodeRequest = (event.platform as { req?: Record<symbol, unknown> } | undefined)?.req;
	if (nodeRequest) nodeRequest[ROUTE_ID] = event.route.id ?? '(none)';
	event.locals.lang = langOf(event.url.pathname);
	const render = () => resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang) });
	// The desk by the route SvelteKit matched: a path's text can be spelled many ways.
	return isDeskRoute(event.route.id) ? guardDesk(event, render) : render();
};

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	// A client's mistake (too large, wrong content type) says what was wrong; a bug says nothing.
	return { message: status === 404 ? 'Not found' : status < 500 ? message : 'Internal error' };
};
