// The desk's gate, called from hooks.server.ts for every request SvelteKit matched to a
// desk route (by route id, never by the path's text): the path spelled plainly, who is
// signed in, whether their role may open the route, two-factor set up where the role
// needs it, cross-site writes refused, and nothing cached. Each desk load, action and
// handler checks again itself (requireDesk, ./access.ts), so a request this misses
// still gets nothing.
import type { RequestEvent } from '@sveltejs/kit';
import { serving } from '@fitnavigator/serving/link';

type MaybePromise<T> = T | Promise<T>;
import { LANGS, type Lang } from '../../core/content/schema';
import { can, needsSecondFactor } from '../../core/desk/roles';
import { DESK_ROUTES, isPlainDeskPath, TWO_FACTOR_SETUP_ROUTES } from '../../core/desk/routes';
import { deskSessionUser, type DeskUser } from '../auth';
import { appDatabase } from '../db/app';
import { signOffs } from './reviews';
import { keepReviewLinesTrue } from './reviews/serving';

export { isDeskRoute } from '../../core/desk/routes';

const SIGN_OFF_REFRESH_MS = 5_000;

/** Starts keeping review lines true: re-reading sign-offs every few seconds, and filling the served pages' slots. */
export function startDesk(): void {
	signOffs.watch(async () => (await appDatabase()).db, SIGN_OFF_REFRESH_MS);
	if (serving.pages) keepReviewLinesTrue(serving.pages, signOffs);
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in, enabled account of this request, if any. */
export async function currentUser(event: RequestEvent): Promise<DeskUser | undefined> {
	return deskSessionUser((await appDatabase()).db, event.request.headers);
}

const langOfDesk = (lang: string | undefined): Lang => ((LANGS as readonly string[]).includes(lang ?? '') ? (lang as Lang) : 'en');

function refuse(status: 401 | 403, api: boolean, message: string): Response {
	return api
		? Response.json({ error: { code: status === 401 ? 'unauthorized' : 'forbidden', message, field: null, issues: [] } }, { status })
		: new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

const redirect = (location: string) => new Response(null, { status: 303, headers: { location } });

function noStore(response: Response): Response {
	try {
		response.headers.set('cache-control', 'no-store');
		return response;
	} catch {
		// Some responses have immutable headers: copy them.
		const copy = new Response(response.body, response);
		copy.headers.set('cache-control', 'no-store');
		return copy;
	}
}

export async function guardDesk(event: RequestEvent, render: () => MaybePromise<Response>): Promise<Response> {
	return noStore(await decide(event, render));
}

const notFound = (api: boolean) =>
	api
		? Response.json({ error: { code: 'not_found', message: 'Not found', field: null, issues: [] } }, { status: 404 })
		: new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

async function decide(event: RequestEvent, render: () => MaybePromise<Response>): Promise<Response> {
	const routeId = event.route.id ?? '';
	const api = routeId.startsWith('/api/');
	const lang = langOfDesk(event.params.lang);
	event.locals.lang = lang;
	// `/%65ditor/…` and the like reach a desk route only by a detour: not found, like any misspelt path.
	if (!isPlainDeskPath(event.url.pathname)) return notFound(api);
	// Cookies are SameSite=Lax already; an Origin check refuses any other site's write outright.
	if (!SAFE.has(event.request.method) && event.request.headers.get('origin') !== event.url.origin)
		return refuse(403, api, 'Cross-site requests are refused');
	const needs = DESK_ROUTES[routeId];
	if (!needs) return refuse(403, api, 'This desk route has no permission set');
	if (needs === 'public') return render();
	const user = await currentUser(event);
	if (!user) return api ? refuse(401, true, 'Sign in first') : redirect(`/editor/${lang}/sign-in`);
	if (needsSecondFactor(user) && !TWO_FACTOR_SETUP_ROUTES.has(routeId))
		return api ? refuse(403, true, 'Set up two-factor sign-in first') : redirect(`/editor/${lang}/security`);
	if (!can(user.role, needs)) return refuse(403, api, 'Your role cannot open this');
	event.locals.desk = user;
	return render();
}
