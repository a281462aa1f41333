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

export const isDeskPath = (path: string) =>
	path === '/editor' || path.startsWith('/editor/') || path.startsWith('/api/v1/editor/') || path === '/api/v1/editor';
