// What each desk route needs, by SvelteKit route id. A route missing here is refused
// (the guard fails closed) and the security test, which lists the route files, fails.
import type { Permission } from './roles';

export const DESK_ROUTES: Record<string, Permission | 'public'> = {
	'/editor': 'public',
	'/editor/[lang=lang]': 'signed-in',
	'/editor/[lang=lang]/sign-in': 'public',
	'/editor/[lang=lang]/invite/[token]': 'public',
	'/editor/[lang=lang]/sign-out': 'signed-in',
	'/editor/[lang=lang]/security': 'signed-in',
	'/editor/[lang=lang]/inbox': 'inbox',
	'/editor/[lang=lang]/inbox/export': 'inbox',
	'/editor/[lang=lang]/reviews': 'review',
	'/editor/[lang=lang]/reviews/[subject]/[scope]': 'review',
	'/editor/[lang=lang]/accounts': 'accounts',
	'/editor/[lang=lang]/audit': 'audit',
	'/editor/[lang=lang]/audit/export': 'audit',
	'/api/v1/editor/feedback': 'inbox',
	'/api/v1/editor/feedback/status': 'inbox'
};

/** Pages a signed-in account that still has to set up two-factor may open. */
export const TWO_FACTOR_SETUP_ROUTES = new Set(['/editor/[lang=lang]/security', '/editor/[lang=lang]/sign-out']);

/**
 * Whether SvelteKit matched a desk route. The route id, not the path's text: SvelteKit
 * routes on the decoded path, so `/%65ditor/...` reaches `/editor/...` while its text
 * does not start with `/editor`.
 */
export const isDeskRoute = (routeId: string | null | undefined): routeId is string =>
	routeId != null && /^\/(?:api\/v1\/)?editor(?:\/|$)/.test(routeId);

/**
 * A desk path is only ever spelled plainly: no percent-escape (no desk path needs one)
 * and no empty, `.` or `..` segment. Anything else reached a desk route by a detour.
 */
export const isPlainDeskPath = (path: string): boolean =>
	path.startsWith('/') &&
	!path.includes('%') &&
	path
		.split('/')
		.slice(1)
		.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
