import { can } from '$lib/core/desk/roles';
import type { LayoutServerLoad } from './$types';

// Desk pages are plain server-rendered forms: no JavaScript needed, nothing cached (the gate sets no-store).
export const csr = false;

const LINKS = [
	{ path: 'inbox', label: 'editor.nav.inbox', needs: 'inbox' },
	{ path: 'reviews', label: 'editor.nav.reviews', needs: 'review' },
	{ path: 'accounts', label: 'editor.nav.accounts', needs: 'accounts' },
	{ path: 'audit', label: 'editor.nav.audit', needs: 'audit' },
	{ path: 'security', label: 'editor.nav.security', needs: 'signed-in' }
] as const;

export const load = (({ locals, params }) => {
	const user = locals.desk ?? null;
	return { lang: params.lang, user, links: user ? LINKS.filter((l) => can(user.role, l.needs)) : [] };
}) satisfies LayoutServerLoad;
